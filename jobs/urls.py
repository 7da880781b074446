from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.JobListView.as_view(), name="jobs"),
    path("<int:pk>/", views.JobView.as_view(), name="job"),
    path("<int:pk>/state/", views.JobStateView.as_view(), name="job_state"),
    path("<int:pk>/download/", views.JobDownloadView.as_view(), name="download"),
]
