"""An HTTP error answer raised anywhere in request handling."""

from __future__ import annotations


class HttpError(Exception):
    def __init__(
        self, status: int, message: str, *, field: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers or {}
        self.media: str | None = None  # the media type of the answer, once the version is known

    def body(self) -> dict[str, object]:
        body: dict[str, object] = {"status": self.status, "message": self.message}
        if self.field:
            body["field"] = self.field
        return body


def bad_request(field: str, message: str) -> HttpError:
    return HttpError(400, message, field=field)


def not_found(what: str = "resource") -> HttpError:
    return HttpError(404, f"no such {what}")


def forbidden(message: str) -> HttpError:
    return HttpError(403, message)


class UnknownPhoneError(LookupError):
    """No phone with that MAC address in this environment (the Python controls raise it)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "no such phone"
