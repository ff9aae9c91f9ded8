from django.urls import path

from . import views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("export.xlsx", views.initiative_export, name="export"),
    path("new/", views.initiative_create, name="create"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/edit/", views.initiative_edit, name="edit"),
    path("<int:pk>/assess/", views.initiative_assess, name="assess"),
]
