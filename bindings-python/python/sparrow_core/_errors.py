"""The sparrow-core exception family (api.md): one base class with a stable ``code``."""

from __future__ import annotations

from typing import TypedDict


class FieldError(TypedDict):
    """One problem: the field, its stable code, and a message that never echoes the value."""

    field: str
    code: str
    message: str


class SparrowError(ValueError):
    """Any error sparrow-core raises for a value it refuses.

    ``code`` is stable (snake_case, documented in docs/errors.md); ``errors`` lists every
    problem as ``{"field", "code", "message"}`` (one entry for a single value, all of
    them for a record). Messages name the field and the rule, never the value.
    """

    code: str
    errors: list[FieldError]

    def __init__(self, message: str, code: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.errors = list(errors) if errors is not None else []

    def __reduce__(self) -> tuple[type[SparrowError], tuple[str, str, list[FieldError]]]:
        return (type(self), (str(self), self.code, self.errors))


class InputError(SparrowError):
    """An identifier, a record (profile), an allocation, a portfolio or a persona input was refused."""


class MoneyError(SparrowError):
    """An amount, percent, NAV, units value or weight was refused."""


class PasswordPolicyError(SparrowError):
    """``require_password``: the password fails the policy; ``errors`` lists every failed rule."""


class TokenError(SparrowError):
    """A token was refused (expired, bad signature, wrong algorithm, …)."""


class ConfigError(SparrowError):
    """A signing secret, keyring or ``.env`` file was refused."""


class ModelError(SparrowError):
    """A persona model file could not be saved or loaded."""


__all__ = [
    "ConfigError",
    "FieldError",
    "InputError",
    "ModelError",
    "MoneyError",
    "PasswordPolicyError",
    "SparrowError",
    "TokenError",
]
