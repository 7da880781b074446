from django.urls import path

from agenda import views

app_name = "agenda"

urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meetings"),
    path("meetings/add/", views.MeetingCreateView.as_view(), name="meeting_add"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting"),
    path("meetings/<int:pk>/decisions/add/", views.DecisionAddView.as_view(), name="decision_add"),
    path("decisions/<int:pk>/case/", views.DecisionCaseView.as_view(), name="decision_case"),
    path("decisions/<int:pk>/task/", views.DecisionTaskView.as_view(), name="decision_task"),
    path("tasks/", views.TaskListView.as_view(), name="tasks"),
    path("tasks/add/", views.TaskCreateView.as_view(), name="task_add"),
    path("tasks/<int:pk>/", views.TaskDetailView.as_view(), name="task"),
    path("mechanisms/", views.MechanismListView.as_view(), name="mechanisms"),
    path("mechanisms/add/", views.MechanismCreateView.as_view(), name="mechanism_add"),
    path("mechanisms/<int:pk>/", views.MechanismDetailView.as_view(), name="mechanism"),
]
