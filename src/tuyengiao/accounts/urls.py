from django.urls import path

from . import views, views_me

app_name = "accounts"
urlpatterns = [
    path("users/", views.AccountList.as_view(), name="list"),
    path("users/new/", views.account_create, name="create"),
    path("users/<int:pk>/", views.AccountDetail.as_view(), name="detail"),
    path("users/<int:pk>/edit/", views.AccountEdit.as_view(), name="edit"),
    path("users/<int:pk>/roles/<int:membership_pk>/remove/", views.role_remove, name="role_remove"),
    path("users/<int:pk>/<slug:action>/", views.account_action, name="action"),
    path("units/<str:code>/", views.unit_roles, name="unit_roles"),
    path("me/", views_me.me, name="me"),
    path("me/password/", views_me.password_change, name="password_change"),
    path("me/sessions/<int:pk>/end/", views_me.session_end, name="session_end"),
    path("me/token/revoke/", views_me.token_revoke, name="token_revoke"),
    path("me/2fa/", views_me.otp_enrol, name="otp_enrol"),
    path("me/2fa/verify/", views_me.otp_verify, name="otp_verify"),
    path("me/2fa/codes/", views_me.otp_codes, name="otp_codes"),
    path("me/2fa/off/", views_me.otp_disable, name="otp_disable"),
    path("reset/<uidb64>/<token>/", views_me.ResetConfirmView.as_view(), name="reset_confirm"),
]
