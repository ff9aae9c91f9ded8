from django.urls import path

from . import views

app_name = "outreach"
urlpatterns = [
    path("", views.ChannelList.as_view(), name="list"),
    path("new/", views.ChannelEdit.as_view(), name="create"),
    path("<int:pk>/", views.ChannelDetail.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ChannelEdit.as_view(), name="edit"),
    path("<int:pk>/months/<int:year>/", views.MonthGrid.as_view(), name="months"),
    path("<int:pk>/import/", views.CsvUpload.as_view(), name="import"),
]
