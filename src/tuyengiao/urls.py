from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from tuyengiao.core import views as core_views
from tuyengiao.core.undo import undo_view
from tuyengiao.ops.health import health

handler404 = "tuyengiao.core.views.not_found"
handler403 = "tuyengiao.core.views.forbidden"
handler500 = "tuyengiao.core.views.server_error"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("undo/", undo_view, name="undo"),
    path("favicon.ico", RedirectView.as_view(url=static_url("tuyengiao/favicon.svg"))),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
    path("units/", include("tuyengiao.orgs.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/", include("tuyengiao.core.api_urls")),
]
# Each domain app mounts its pages here once it has a urls.py.
APP_URLS = [
    ("reporting/", "tuyengiao.reporting.urls"),
    ("documents/", "tuyengiao.documents.urls"),
    ("campaigns/", "tuyengiao.campaigns.urls"),
    ("training/", "tuyengiao.training.urls"),
    ("outreach/", "tuyengiao.outreach.urls"),
    ("initiatives/", "tuyengiao.initiatives.urls"),
    ("meetings/", "tuyengiao.meetings.urls"),
    ("awards/", "tuyengiao.awards.urls"),
    ("targets/", "tuyengiao.targets.urls"),
    ("audit/", "tuyengiao.orgs.audit_urls"),
    ("accounts/", "tuyengiao.accounts.urls"),
    ("notifications/", "tuyengiao.notifications.urls"),
    ("reports/", "tuyengiao.reports.urls"),
]
for prefix, module in APP_URLS:
    try:
        urlpatterns.append(path(prefix, include(module)))
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
urlpatterns += (
    static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) if settings.DEBUG else []
)
