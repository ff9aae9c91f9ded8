from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.class_list, name="list"),
    path("export.xlsx", views.class_export, name="export"),
    path("new/", views.class_create, name="create"),
    path("summary/", views.summary, name="summary"),
    path("kinds/", views.kind_list, name="kinds"),
    path("kinds/new/", views.kind_edit, name="kind_create"),
    path("kinds/<int:pk>/edit/", views.kind_edit, name="kind_edit"),
    path("<int:pk>/", views.class_detail, name="detail"),
    path("<int:pk>/edit/", views.class_edit, name="edit"),
]
