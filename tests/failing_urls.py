"""A URL that fails, for the 500 page test."""

from django.urls import include, path


def boom(request):
    raise RuntimeError("forced failure")


urlpatterns = [path("boom/", boom), path("", include("shuangyong.urls"))]
