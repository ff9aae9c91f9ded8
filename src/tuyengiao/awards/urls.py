from django.urls import path, re_path

from . import views

app_name = "awards"
urlpatterns = [
    path("", views.commendation_list, name="list"),
    path("new/", views.commendation_edit, name="create"),
    path("<int:pk>/", views.commendation_detail, name="detail"),
    path("<int:pk>/edit/", views.commendation_edit, name="edit"),
    re_path(
        r"^(?P<pk>\d+)/(?P<kind>collective|individual)/add/$",
        views.recipient_add,
        name="add_recipient",
    ),
    path(
        "<int:pk>/recipients/<int:recipient_pk>/remove/",
        views.recipient_remove,
        name="remove_recipient",
    ),
]
