from django.urls import path

from . import views

app_name = "outreach"
urlpatterns = [
    path("", views.channel_list, name="list"),
    path("new/", views.channel_create, name="create"),
    path("<int:pk>/", views.channel_detail, name="detail"),
    path("<int:pk>/edit/", views.channel_edit, name="edit"),
    path("<int:pk>/months/<int:year>/", views.month_grid, name="months"),
    path("<int:pk>/import/", views.csv_upload, name="import"),
]
