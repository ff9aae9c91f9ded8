from django.urls import path

from . import views

app_name = "initiatives"
urlpatterns = [
    path("", views.InitiativeList.as_view(), name="list"),
    path("export.xlsx", views.InitiativeList.as_view(export_only=True), name="export"),
    path("new/", views.InitiativeEdit.as_view(), name="create"),
    path("<int:pk>/", views.InitiativeDetail.as_view(), name="detail"),
    path("<int:pk>/edit/", views.InitiativeEdit.as_view(), name="edit"),
    path("<int:pk>/assess/", views.InitiativeAssess.as_view(), name="assess"),
]
