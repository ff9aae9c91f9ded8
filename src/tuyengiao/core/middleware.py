"""Request checks that hold for every page and endpoint."""


def strip_nul_characters(get_response):
    """NUL characters are dropped from the query string: PostgreSQL cannot store or compare
    them in text, so any lookup built from one was a 500 there; no real value holds one."""

    def middleware(request):
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            cleaned = request.GET.copy()
            for key in list(cleaned):
                values = [value.replace("\x00", "") for value in cleaned.getlist(key)]
                del cleaned[key]
                cleaned.setlist(key.replace("\x00", ""), values)
            cleaned._mutable = False
            request.GET = cleaned
        return get_response(request)

    return middleware
