from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.module_loading import import_string


@login_required
def home(request):
    panels = []
    for path in settings.HOME_PANELS:
        panel = import_string(path)(request)
        if panel:
            panels.append(panel)
    return render(request, "core/home.html", {"panels": panels})


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def forbidden(request, exception=None):
    return render(request, "403.html", status=403)
