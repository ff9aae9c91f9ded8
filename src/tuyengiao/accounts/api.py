"""POST /api/token/: a token for scripts, behind the same lockout as the login page.

Refusals are raised, so they reach the client in the API's one error shape (core.api_errors).
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import authenticate
from django.urls import path
from django.utils.translation import gettext as _
from django_otp import match_token
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from tuyengiao.core.errors import DomainError, NotAllowed

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
        data.is_valid(raise_exception=True)
        username, password = data.validated_data["username"], data.validated_data["password"]
        http_request = request._request
        if not AxesProxyHandler.is_allowed(http_request, {"username": username}):
            raise Throttled(detail=locked_detail())
        user = authenticate(http_request, username=username, password=password)
        if user is None:
            if not AxesProxyHandler.is_allowed(http_request, {"username": username}):
                raise Throttled(detail=locked_detail())
            raise DomainError(_("Wrong username or password."))
        if Account.objects.filter(user=user, must_change_password=True).exists():
            raise NotAllowed(_("Please replace your temporary password before going on."))
        if twofactor.required_for(user) and not twofactor.enrolled(user):
            raise NotAllowed(_("Your role requires two-factor login. Please set it up now."))
        otp = data.validated_data.get("otp", "").replace(" ", "")
        # No code, no attempt: a failed attempt would throttle the device for the next one.
        if twofactor.enrolled(user) and (not otp or match_token(user, otp) is None):
            raise DomainError(_("A valid two-factor code (field otp) is required."), field="otp")
        token = Token.objects.filter(user=user).first()
        if token is not None and is_expired(token):
            token.delete()
            token = None
        token = token or Token.objects.create(user=user)
        return Response({"token": token.key, "expires": expires_at(token)})


def locked_detail() -> str:
    return _("Too many failed logins for this account from this address. Try again later.")


urlpatterns = [path("token/", ObtainToken.as_view(), name="api-token")]


def register(router):
    """No viewset: the accounts' only endpoint is the token above."""
