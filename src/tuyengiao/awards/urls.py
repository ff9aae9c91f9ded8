from django.urls import path, re_path

from . import views

app_name = "awards"
urlpatterns = [
    path("", views.CommendationList.as_view(), name="list"),
    path("new/", views.CommendationEdit.as_view(), name="create"),
    path("<int:pk>/", views.CommendationDetail.as_view(), name="detail"),
    path("<int:pk>/edit/", views.CommendationEdit.as_view(), name="edit"),
    re_path(
        r"^(?P<pk>\d+)/(?P<kind>collective|individual)/add/$",
        views.RecipientAdd.as_view(),
        name="add_recipient",
    ),
    path(
        "<int:pk>/recipients/<int:recipient_pk>/remove/",
        views.RecipientRemove.as_view(),
        name="remove_recipient",
    ),
]
