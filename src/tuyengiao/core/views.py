from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.module_loading import import_string

from .registry import registry


@login_required
def home(request):
    panels = []
    for path in registry.panels_in_order():
        panel = import_string(path)(request)
        if panel:
            panels.append(panel)
    return render(request, "core/home.html", {"panels": panels})


def _api_error(request, message: str, status: int):
    """Under /api/ a client reads JSON, never an HTML page (same shape as core.api_errors)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "errors": {}}, status=status)
    return None


def not_found(request, exception=None):
    return _api_error(request, "Không tìm thấy.", 404) or render(request, "404.html", status=404)


def server_error(request):
    message = "Lỗi máy chủ; sự cố đã được ghi lại, vui lòng thử lại sau."
    return _api_error(request, message, 500) or render(request, "500.html", status=500)


def forbidden(request, exception=None):
    message = "Bạn không có quyền thực hiện thao tác này."
    return _api_error(request, message, 403) or render(request, "403.html", status=403)
