from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.NotificationListView.as_view(), name="list"),
    path("unread/", views.UnreadView.as_view(), name="unread"),
    path("preferences/", views.PreferenceView.as_view(), name="preferences"),
    path("robots/", views.RobotListView.as_view(), name="robots"),
    path("robots/<int:pk>/", views.RobotEditView.as_view(), name="robot"),
    path("deliveries/", views.DeliveryListView.as_view(), name="deliveries"),
]
