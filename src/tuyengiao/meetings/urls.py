from django.urls import path, re_path

from . import views

app_name = "meetings"
ITEM = r"(?P<item>delegate|presentation|conclusion)"
urlpatterns = [
    path("", views.ConferenceList.as_view(), name="list"),
    path("new/", views.ConferenceEdit.as_view(), name="create"),
    path("<int:pk>/", views.ConferenceDetail.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ConferenceEdit.as_view(), name="edit"),
    re_path(rf"^(?P<pk>\d+)/{ITEM}/add/$", views.ConferenceAdd.as_view(), name="add_item"),
    re_path(
        rf"^(?P<pk>\d+)/{ITEM}/(?P<item_pk>\d+)/remove/$",
        views.ConferenceRemove.as_view(),
        name="remove_item",
    ),
    path("conclusions/<int:conclusion_pk>/task/", views.TaskCreate.as_view(), name="task_create"),
    path("tasks/", views.TaskList.as_view(), name="tasks"),
    path("tasks/<int:pk>/", views.TaskDetail.as_view(), name="task"),
    path("tasks/<int:pk>/edit/", views.TaskEdit.as_view(), name="task_edit"),
]
