"""The project's URLs plus the bench's admin site (used in-process by bench.pages only)."""

from django.urls import path

from bench.admin_site import site
from shuangyong.urls import urlpatterns as project_urls

urlpatterns = [path("bench-admin/", site.urls), *project_urls]
