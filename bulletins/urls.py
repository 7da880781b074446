from django.urls import path

from bulletins import views

app_name = "bulletins"

urlpatterns = [
    path("", views.BulletinListView.as_view(), name="bulletins"),
    path("add/", views.BulletinCreateView.as_view(), name="bulletin_add"),
    path("<int:pk>/", views.BulletinDetailView.as_view(), name="bulletin"),
    path("<int:pk>/print/", views.BulletinPrintView.as_view(), name="bulletin_print"),
    path("<int:pk>/edit/", views.BulletinUpdateView.as_view(), name="bulletin_edit"),
    path("<int:pk>/publish/", views.BulletinPublishView.as_view(), name="bulletin_publish"),
    path("<int:pk>/withdraw/", views.BulletinWithdrawView.as_view(), name="bulletin_withdraw"),
    path(
        "<int:pk>/attachments/add/",
        views.AttachmentUploadView.as_view(),
        name="attachment_add",
    ),
    path("attachments/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment"),
]
