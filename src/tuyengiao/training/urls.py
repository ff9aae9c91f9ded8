from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.ClassList.as_view(), name="list"),
    path("export.xlsx", views.ClassList.as_view(export_only=True), name="export"),
    path("new/", views.ClassEdit.as_view(), name="create"),
    path("summary/", views.summary, name="summary"),
    path("kinds/", views.kind_list, name="kinds"),
    path("kinds/new/", views.kind_edit, name="kind_create"),
    path("kinds/<int:pk>/edit/", views.kind_edit, name="kind_edit"),
    path("<int:pk>/", views.ClassDetail.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ClassEdit.as_view(), name="edit"),
]
