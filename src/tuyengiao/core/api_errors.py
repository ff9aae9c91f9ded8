"""Every API failure in one JSON shape: {"detail": message, "errors": {field: [messages]}}.

Services raise DomainError (Vietnamese, naming the field: a 400; NotAllowed: a 403); DRF
raises its own exceptions; Django code raises Http404 / PermissionDenied / ValidationError.
Endpoints catch none of them: a client reads `detail` to show the person and `errors` to
mark the fields, whatever went wrong (the shape is in the OpenAPI description).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import DomainError, NotAllowed, ValidationFailed

INVALID = "Dữ liệu gửi lên không hợp lệ."
NOT_JSON = "Nội dung gửi lên không phải JSON hợp lệ"


def _errors_of(error: DomainError) -> dict:
    if isinstance(error, ValidationFailed):
        if isinstance(error.errors, dict):
            return {key: [str(m) for m in messages] for key, messages in error.errors.items()}
        return {"non_field_errors": [str(m) for m in error.errors]}
    return {error.field: [error.message]} if error.field else {}


def _as_api_exception(exc):
    if isinstance(exc, DomainError):
        detail = {"detail": exc.message, "errors": _errors_of(exc)}
        if isinstance(exc, NotAllowed):
            return exceptions.PermissionDenied(detail)
        return exceptions.ValidationError(detail)
    if isinstance(exc, DjangoValidationError):
        errors = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        return exceptions.ValidationError({"detail": INVALID, "errors": errors})
    if isinstance(exc, exceptions.ParseError) and str(exc.detail).startswith("JSON parse error"):
        # DRF's parser puts json's English text in the message; keep only where it failed.
        where = re.search(r"line (\d+) column (\d+)", str(exc.detail))
        at = f" (dòng {where[1]}, cột {where[2]})" if where else ""
        return exceptions.ParseError(f"{NOT_JSON}{at}.")
    return exc


def _flatten(value) -> str:
    if isinstance(value, list):
        return " ".join(_flatten(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    return str(value)


def shape(data) -> dict:
    """DRF's many shapes of `response.data`, as {"detail": str, "errors": dict}."""
    if isinstance(data, dict) and "detail" in data:
        errors = data.get("errors") or {}
        return {"detail": _flatten(data["detail"]), "errors": errors}
    if isinstance(data, dict):
        return {"detail": INVALID + " " + _flatten(data), "errors": data}
    if isinstance(data, list):
        return {"detail": _flatten(data), "errors": {"non_field_errors": data}}
    return {"detail": str(data), "errors": {}}


def exception_handler(exc, context):
    response = drf_exception_handler(_as_api_exception(exc), context)
    if response is not None:
        response.data = shape(response.data)
    return response
