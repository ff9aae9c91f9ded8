from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.NotificationList.as_view(), name="list"),
    path("bell/", views.bell, name="bell"),
    path("read/", views.mark_read, name="read_all"),
    path("<int:pk>/read/", views.mark_read, name="read"),
    path("preference/", views.preference, name="preference"),
    path("remind/<str:form_code>/<str:period_code>/<str:unit_code>/", views.remind, name="remind"),
    path("jobs/<uuid:pk>/", views.JobPage.as_view(), name="job"),
    path("jobs/<uuid:pk>/file/", views.job_file, name="job_file"),
    path("jobs/report/<str:code>/<int:year>/", views.report_job, name="report_job"),
]
