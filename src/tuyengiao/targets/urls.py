from django.urls import path

from . import views

app_name = "targets"
urlpatterns = [
    path("", views.target_list, name="list"),
    path("terms/new/", views.term_edit, name="term_create"),
    path("terms/<int:pk>/", views.term_detail, name="term"),
    path("terms/<int:pk>/edit/", views.term_edit, name="term_edit"),
    path("terms/<int:pk>/midterm/", views.midterm_review, name="review"),
    path("terms/<int:term_pk>/targets/new/", views.target_edit, name="create"),
    path("<int:pk>/", views.target_detail, name="detail"),
    path("<int:pk>/edit/", views.target_edit, name="edit"),
]
