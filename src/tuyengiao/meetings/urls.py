from django.urls import path, re_path

from . import views

app_name = "meetings"
ITEM = r"(?P<item>delegate|presentation|conclusion)"
urlpatterns = [
    path("", views.conference_list, name="list"),
    path("new/", views.conference_edit, name="create"),
    path("<int:pk>/", views.conference_detail, name="detail"),
    path("<int:pk>/edit/", views.conference_edit, name="edit"),
    re_path(rf"^(?P<pk>\d+)/{ITEM}/add/$", views.conference_add, name="add_item"),
    re_path(
        rf"^(?P<pk>\d+)/{ITEM}/(?P<item_pk>\d+)/remove/$",
        views.conference_remove,
        name="remove_item",
    ),
    path("conclusions/<int:conclusion_pk>/task/", views.task_create, name="task_create"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
]
