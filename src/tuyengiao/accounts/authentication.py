"""API tokens that expire (settings.TOKEN_TTL_DAYS after they were issued)."""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


def expires_at(token) -> dt.datetime:
    return token.created + dt.timedelta(days=settings.TOKEN_TTL_DAYS)


def is_expired(token) -> bool:
    return expires_at(token) <= timezone.now()


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if is_expired(token):
            token.delete()
            raise exceptions.AuthenticationFailed(_("The token has expired; request a new one."))
        return user, token
