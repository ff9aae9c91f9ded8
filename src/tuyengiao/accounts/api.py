"""POST /api/token/: a token for scripts, behind the same lockout as the login page."""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import authenticate
from django.urls import path
from django.utils.translation import gettext as _
from django_otp import match_token
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import twofactor
from .authentication import expires_at, is_expired
from .models import Account


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"})
    otp = serializers.CharField(required=False, help_text="Mã 6 số hoặc mã dự phòng nếu bật 2FA")


class ObtainToken(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=TokenRequestSerializer,
        responses=inline_serializer(
            "TokenResponse",
            {"token": serializers.CharField(), "expires": serializers.DateTimeField()},
        ),
    )
    def post(self, request):
        data = TokenRequestSerializer(data=request.data)
        if not data.is_valid():
            return Response(data.errors, status=status.HTTP_400_BAD_REQUEST)
        username, password = data.validated_data["username"], data.validated_data["password"]
        http_request = request._request
        if not AxesProxyHandler.is_allowed(http_request, {"username": username}):
            return _locked()
        user = authenticate(http_request, username=username, password=password)
        if user is None:
            if not AxesProxyHandler.is_allowed(http_request, {"username": username}):
                return _locked()
            return Response(
                {"detail": _("Wrong username or password.")}, status=status.HTTP_400_BAD_REQUEST
            )
        if Account.objects.filter(user=user, must_change_password=True).exists():
            return Response(
                {"detail": _("Please replace your temporary password before going on.")},
                status=status.HTTP_403_FORBIDDEN,
            )
        if twofactor.required_for(user) and not twofactor.enrolled(user):
            return Response(
                {"detail": _("Your role requires two-factor login. Please set it up now.")},
                status=status.HTTP_403_FORBIDDEN,
            )
        otp = data.validated_data.get("otp", "").replace(" ", "")
        # No code, no attempt: a failed attempt would throttle the device for the next one.
        if twofactor.enrolled(user) and (not otp or match_token(user, otp) is None):
            return Response(
                {"detail": _("A valid two-factor code (field otp) is required.")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        token = Token.objects.filter(user=user).first()
        if token is not None and is_expired(token):
            token.delete()
            token = None
        token = token or Token.objects.create(user=user)
        return Response({"token": token.key, "expires": expires_at(token)})


def locked_detail() -> str:
    return _("Too many failed logins for this account from this address. Try again later.")


def _locked():
    return Response({"detail": locked_detail()}, status=status.HTTP_429_TOO_MANY_REQUESTS)


urlpatterns = [path("token/", ObtainToken.as_view(), name="api-token")]


def register(router):
    """No viewset: the accounts' only endpoint is the token above."""
