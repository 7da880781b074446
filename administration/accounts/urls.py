from django.urls import path

from administration.accounts import import_views, views

urlpatterns = [
    path("accounts/", views.AccountListView.as_view(), name="accounts"),
    path("accounts/add/", views.AccountCreateView.as_view(), name="accounts_add"),
    path("accounts/<int:pk>/", views.AccountView.as_view(), name="accounts_detail"),
    path("accounts/<int:pk>/edit/", views.AccountEditView.as_view(), name="accounts_edit"),
    path(
        "accounts/<int:pk>/deactivate/",
        views.AccountDeactivateView.as_view(),
        name="accounts_deactivate",
    ),
    path(
        "accounts/<int:pk>/reactivate/",
        views.AccountReactivateView.as_view(),
        name="accounts_reactivate",
    ),
    path("accounts/<int:pk>/unlock/", views.AccountUnlockView.as_view(), name="accounts_unlock"),
    path("accounts/<int:pk>/reset/", views.AccountResetView.as_view(), name="accounts_reset"),
    path("accounts/import/", import_views.ImportStartView.as_view(), name="accounts_import"),
    path(
        "accounts/import/template.xlsx",
        import_views.ImportTemplateView.as_view(),
        name="accounts_import_template",
    ),
    path(
        "accounts/import/preview/",
        import_views.ImportPreviewView.as_view(),
        name="accounts_import_preview",
    ),
    path(
        "accounts/import/confirm/",
        import_views.ImportConfirmView.as_view(),
        name="accounts_import_confirm",
    ),
    path(
        "accounts/import/cancel/",
        import_views.ImportCancelView.as_view(),
        name="accounts_import_cancel",
    ),
]
