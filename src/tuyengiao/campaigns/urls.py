from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("", views.CampaignList.as_view(), name="list"),
    path("new/", views.CampaignCreate.as_view(), name="create"),
    path("<str:code>/", views.CampaignDetail.as_view(), name="detail"),
]
