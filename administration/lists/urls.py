from django.urls import path

from administration.lists import views

urlpatterns = [
    path("lists/", views.ListIndexView.as_view(), name="lists"),
    path("lists/<int:number>/", views.ValueListView.as_view(), name="lists_values"),
    path("lists/<int:number>/add/", views.ValueAddView.as_view(), name="lists_add"),
    path("lists/<int:number>/<int:pk>/edit/", views.ValueEditView.as_view(), name="lists_edit"),
    path("lists/<int:number>/<int:pk>/move/", views.ValueMoveView.as_view(), name="lists_move"),
    path(
        "lists/<int:number>/<int:pk>/retire/",
        views.ValueRetireView.as_view(),
        name="lists_retire",
    ),
    path(
        "lists/<int:number>/<int:pk>/reinstate/",
        views.ValueReinstateView.as_view(),
        name="lists_reinstate",
    ),
    path(
        "lists/<int:number>/<int:pk>/delete/",
        views.ValueDeleteView.as_view(),
        name="lists_delete",
    ),
]
