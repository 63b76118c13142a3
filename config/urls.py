from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from curation.api.errors import not_found as api_not_found
from curation.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("curation.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI's start-up script comes from /api/docs/?script as a file of
    # its own, so the Content-Security-Policy need not allow inline scripts.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    # Anything else under /api/ is a JSON 404, not the site's HTML page.
    # Only addresses ending in "/" match, so APPEND_SLASH still redirects
    # /api/v1/statements to /api/v1/statements/.
    re_path(r"^api/(?:.*/)?$", api_not_found),
    path("", include("curation.urls")),
]
