"""Domain errors: raised by services, shown to users as they are (Vietnamese)."""


class DomainError(Exception):
    """A rule was broken. `message` is Vietnamese and names the field, the value and the rule."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationFailed(DomainError):
    """Several problems at once (a form, a whole Excel file); nothing was saved."""

    def __init__(self, errors: list[str] | dict[str, list[str]], message: str | None = None):
        self.errors = errors
        count = len(errors) if isinstance(errors, list) else sum(map(len, errors.values()))
        super().__init__(message or f"Có {count} lỗi, chưa lưu dữ liệu nào.")


class NotAllowed(DomainError):
    """The actor may not do this here (a 403 on a page or in the API).

    Not called PermissionDenied, so that it is never mistaken for Django's or DRF's."""
