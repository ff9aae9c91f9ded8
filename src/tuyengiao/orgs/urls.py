from django.urls import path

from . import views, views_reorganise

app_name = "orgs"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("import/", views_reorganise.import_units, name="import"),
    path("<str:code>/", views.detail, name="detail"),
    path(
        "<str:code>/reorganise/<slug:action>/",
        views_reorganise.reorganise_unit,
        name="reorganise",
    ),
]
