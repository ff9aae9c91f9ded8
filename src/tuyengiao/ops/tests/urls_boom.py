"""A URL whose view fails, for the error-logging tests (the project has none by design)."""

from django.urls import include, path


def boom(request):
    raise RuntimeError("boom: a bug in a view")


urlpatterns = [path("boom/", boom), path("", include("tuyengiao.urls"))]
