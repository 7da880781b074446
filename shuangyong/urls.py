from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from campaign.password_views import PasswordChangeView, PasswordSetView
from campaign.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/set/", PasswordSetView.as_view(), name="password_set"),
    path("campaign/", include("campaign.urls")),
    path("outreach/import/", include("outreach.imports.urls")),
    path("outreach/", include("outreach.urls")),
    path("ledger/", include("grievances.urls")),
    path("submissions/", include("submissions.urls")),
    path("agenda/", include("agenda.urls")),
    path("bulletins/", include("bulletins.urls")),
    path("audit/", include("audit.urls")),
    path("reports/", include("reports.urls")),
    path("system/", include("administration.urls")),
    path("jobs/", include("jobs.urls")),
    path("reminders/", include("notifications.urls")),
    path("admin/", admin.site.urls),
]
