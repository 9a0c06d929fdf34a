"""Dataclasses of ``compass_desk.domain.models`` to JSON-ready data and back, exactly.

Datetimes keep their offset (ISO-8601), enums are stored by value, tuples come back as tuples.
Fields missing from stored data take their dataclass default (a field added in a newer version);
unknown keys are ignored (a field removed). Anything else that does not fit raises
:class:`CodecError`. The journal's payloads can use it too: ``encode(snapshot)`` is plain JSON.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")

_Converter = Callable[[Any], Any]


class CodecError(ValueError):
    """Stored data does not fit the current model (written by another version, or damaged)."""


def encode(value: Any) -> Any:
    """A dataclass (or list/dict of them, or a scalar) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encoder(type(value))(value)
    return _encode_any(value)


def decode(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass of type *cls* from :func:`encode` output."""
    try:
        return typing.cast(T, _decoder(typing.cast(Any, cls))(data))
    except CodecError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise CodecError(f"stored {cls.__name__} does not fit the current model: {error}") from error


def dumps(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str | bytes) -> T:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise CodecError(f"stored {cls.__name__} is not valid JSON: {error}") from error
    return decode(cls, data)


# -- encoding ---------------------------------------------------------------------------------


def _encode_any(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encoder(type(value))(value)
    if isinstance(value, list | tuple):
        return [_encode_any(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _encode_any(item) for key, item in value.items()}
    raise TypeError(f"cannot store a {type(value).__name__} value")


@functools.cache
def _encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, bool]] = []
    for field in dataclasses.fields(cls):
        # Plain str/int/bool fields need no conversion: the hot path for 10,000 phones.
        plan.append((field.name, not _is_plain(hints[field.name])))

    def encode_one(value: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, convert in plan:
            item = getattr(value, name)
            out[name] = _encode_any(item) if convert and item is not None else item
        return out

    return encode_one


def _is_plain(hint: Any) -> bool:
    args = typing.get_args(hint)
    if _is_union(hint):
        return all(_is_plain(arg) for arg in args)
    return hint in (str, int, bool, float, type(None))


# -- decoding ---------------------------------------------------------------------------------


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


@functools.cache
def _decoder(hint: Any) -> _Converter:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass_decoder(hint)
    if _is_union(hint):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        nullable = len(options) < len(typing.get_args(hint))
        if len(options) != 1:
            raise TypeError(f"unions other than X | None are not supported: {hint}")
        inner = _decoder(options[0])
        return (lambda value: None if value is None else inner(value)) if nullable else inner
    origin = typing.get_origin(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        item = _decoder(args[0]) if args else _identity
        return lambda value: tuple(item(v) for v in _expect(value, list))
    if origin is list:
        args = typing.get_args(hint)
        item = _decoder(args[0]) if args else _identity
        return lambda value: [item(v) for v in _expect(value, list)]
    if origin is dict:
        args = typing.get_args(hint)
        item = _decoder(args[1]) if args else _identity
        return lambda value: {str(k): item(v) for k, v in _expect(value, dict).items()}
    if hint is datetime:
        return lambda value: datetime.fromisoformat(_expect(value, str))
    if hint is date:
        return lambda value: date.fromisoformat(_expect(value, str))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    if hint is bool:
        return lambda value: _expect(value, bool)
    if hint is int:
        return _int
    if hint is float:
        return lambda value: float(_expect(value, int | float))
    if hint is str:
        return lambda value: _expect(value, str)
    return _identity


def _dataclass_decoder(cls: type) -> _Converter:
    hints = typing.get_type_hints(cls)
    # Per field: the exact types accepted as they are (plain str/int/bool, maybe None), or a
    # converter. The exact-type check inline is what keeps 10,000 phones fast to load.
    plan: list[tuple[str, tuple[type, ...] | None, _Converter, bool]] = []
    for field in dataclasses.fields(cls):
        required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        hint = hints[field.name]
        plan.append((field.name, _exact_types(hint), _decoder(hint), required))

    def decode_one(data: Any) -> Any:
        data = _expect(data, dict)
        kwargs: dict[str, Any] = {}
        for name, exact, convert, required in plan:
            if name in data:
                value = data[name]
                kwargs[name] = value if exact is not None and type(value) in exact else convert(value)
            elif required:
                raise CodecError(f"stored {cls.__name__} lacks the field {name!r}")
        return cls(**kwargs)

    return decode_one


def _exact_types(hint: Any) -> tuple[type, ...] | None:
    """For str, int, bool (or X | None of them): the types stored as they are; else None."""
    options = typing.get_args(hint) if _is_union(hint) else (hint,)
    if all(option in (str, int, bool, type(None)) for option in options):
        return tuple(options)
    return None


def _identity(value: Any) -> Any:
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CodecError(f"expected a whole number, found {value!r}")
    return value


def _expect(value: Any, kind: Any) -> Any:
    if not isinstance(value, kind):
        raise CodecError(f"expected {getattr(kind, '__name__', kind)}, found {type(value).__name__}")
    return value
