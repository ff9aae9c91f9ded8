from django.urls import path

from . import views

app_name = "targets"
urlpatterns = [
    path("", views.TargetList.as_view(), name="list"),
    path("terms/new/", views.TermEdit.as_view(), name="term_create"),
    path("terms/<int:pk>/", views.TermPage.as_view(), name="term"),
    path("terms/<int:pk>/edit/", views.TermEdit.as_view(), name="term_edit"),
    path("terms/<int:pk>/midterm/", views.MidtermReview.as_view(), name="review"),
    path("terms/<int:term_pk>/targets/new/", views.TargetEdit.as_view(), name="create"),
    path("<int:pk>/", views.TargetDetail.as_view(), name="detail"),
    path("<int:pk>/edit/", views.TargetEdit.as_view(), name="edit"),
]
