"""Work-arounds for bugs of the Qt binding, detected at run time (they switch off when fixed).

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference, so every
emit from Python lowers the reference count of ``True`` by one until the interpreter aborts with
"bool_dealloc". All emits in ``gui/`` go through :func:`emit`, which gives the reference back when
(and only when) this binding is measured to lose it.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    rounds = 5
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost >= rounds:  # give back what the probe took
        for _ in range(lost):
            _incref(True)
    return lost >= rounds


EMIT_LOSES_REFERENCE = _emit_loses_a_reference()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, safe with the PySide6 6.12.0 reference bug."""
    result = signal.emit(*args)
    if EMIT_LOSES_REFERENCE and isinstance(result, bool):
        _incref(result)
