from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from tuyengiao.core import views as core_views
from tuyengiao.core.registry import registry
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
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/", include("tuyengiao.core.api_urls")),
]
# Each app mounts its pages from its AppConfig.ready() (core.registry).
urlpatterns += [path(prefix, include(module)) for prefix, module in registry.url_mounts]
urlpatterns += (
    static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) if settings.DEBUG else []
)
