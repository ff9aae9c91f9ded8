"""Request checks that hold for every page and endpoint."""

from django.http import HttpResponseBadRequest, JsonResponse

NUL_MESSAGE = "Địa chỉ có ký tự NUL (\\x00) không hợp lệ."


def reject_nul_characters(get_response):
    """A NUL in the query string is refused with a 400: PostgreSQL cannot store or compare
    it in text, so every lookup built from it was a 500 there."""

    def middleware(request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": NUL_MESSAGE, "errors": {}}, status=400)
            return HttpResponseBadRequest(NUL_MESSAGE, content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware
