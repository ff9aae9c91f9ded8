from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("", views.Register.as_view(), name="list"),
    path("export.xlsx", views.Register.as_view(export_only=True), name="export"),
    path("new/", views.DocumentEdit.as_view(), name="create"),
    path("import/", views.import_register, name="import"),
    path("parse/", views.parse_preview, name="parse"),
    path("<int:pk>/", views.DocumentDetail.as_view(), name="detail"),
    path("<int:pk>/edit/", views.DocumentEdit.as_view(), name="edit"),
    path("<int:pk>/file/", views.download, name="file"),
    path("<int:pk>/links/", views.add_link, name="add_link"),
    path("<int:pk>/links/<int:link_pk>/delete/", views.remove_link, name="remove_link"),
]
