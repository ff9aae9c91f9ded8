from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("check/", views.check, name="check"),
    path("r/<int:pk>/", views.sources, name="sources"),
    path("r/<int:pk>/docx/", views.download, name="download"),
    path("r/<int:pk>/xlsx/", views.annex_download, name="annex"),
    path("<str:code>/<int:year>/", views.unit_year, name="unit_year"),
    path("<str:code>/<int:year>/generate/", views.generate, name="generate"),
    path("<str:code>/<int:year>/sections/", views.sections, name="sections"),
    path("<str:code>/<int:year>/issue/", views.issue, name="issue"),
]
