"""The app's URLs mounted under /mounted/: a URLconf whose addresses differ from the app's."""

from django.urls import include, path

urlpatterns = [path("mounted/", include("shuangyong.urls"))]
