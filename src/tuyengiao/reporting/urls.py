from django.urls import path

from . import views, views_board, views_designer, views_excel

app_name = "reporting"
urlpatterns = [
    *views_excel.urlpatterns,
    *views_designer.urlpatterns,
    path("", views.form_list, name="forms"),
    path(
        "<str:form_code>/<str:period_code>/units/<str:unit_code>/",
        views.submission_page,
        name="submission",
    ),
    path(
        "<str:form_code>/<str:period_code>/units/<str:unit_code>/return/",
        views.return_view,
        name="return",
    ),
    path(
        "<str:form_code>/<str:period_code>/units/<str:unit_code>/approve/",
        views.approve_view,
        name="approve",
    ),
    path(
        "<str:form_code>/<str:period_code>/units/<str:unit_code>/reopen/",
        views.reopen_view,
        name="reopen",
    ),
    path(
        "<str:form_code>/<str:period_code>/status/<str:unit_code>/",
        views_board.status_board,
        name="status",
    ),
    path(
        "<str:form_code>/<str:period_code>/status/<str:unit_code>/approve-all/",
        views.approve_all_view,
        name="approve_all",
    ),
    path(
        "<str:form_code>/<str:period_code>/drill/<str:unit_code>/",
        views_board.drilldown,
        name="drilldown",
    ),
    path(
        "<str:form_code>/<str:period_code>/dashboard/<str:unit_code>/",
        views_board.dashboard,
        name="dashboard",
    ),
]
