from django.urls import path

from submissions import views

app_name = "submissions"

urlpatterns = [
    path("", views.RequestListView.as_view(), name="requests"),
    path("new/", views.RequestFormView.as_view(), name="request_add"),
    path("<int:pk>/", views.RequestDetailView.as_view(), name="request"),
    path("<int:pk>/edit/", views.RequestFormView.as_view(), name="request_edit"),
    path("<int:pk>/withdraw/", views.RequestWithdrawView.as_view(), name="request_withdraw"),
    path("<int:pk>/template/", views.TemplateDownloadView.as_view(), name="template"),
    path("<int:pk>/submit/", views.SubmitView.as_view(), name="submit"),
    path("reports/", views.SubmissionListView.as_view(), name="submissions"),
    path("reports/<int:pk>/", views.SubmissionDetailView.as_view(), name="submission"),
    path(
        "reports/<int:pk>/return/",
        views.ReviewView.as_view(accept=False),
        name="submission_return",
    ),
    path(
        "reports/<int:pk>/accept/",
        views.ReviewView.as_view(accept=True),
        name="submission_accept",
    ),
    path("files/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment"),
]
