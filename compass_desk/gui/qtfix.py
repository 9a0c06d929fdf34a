"""Work-arounds for reference-count bugs of the Qt binding, measured at run time (off when fixed).

PySide6 6.12.0 on CPython 3.11 hands out ``None``, ``True`` and ``False`` without taking a
reference: every call of a void method (``label.setText``, ``proxy.invalidate``…), every
``QModelIndex.data()`` that finds nothing and every ``Signal.emit()`` lowers their reference count
by one, until the interpreter aborts with "none_dealloc" / "bool_dealloc" after a few thousand
calls. Those three objects are static singletons that are never freed, so the cure is to give
them a reference count no program can exhaust (what CPython 3.12 does itself: "immortal"
objects). Imported by ``compass_desk.gui``, so every window of the app is covered.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None

_HEADROOM = 1 << 40  # ~10^12 lost references before anything could go wrong


class _Probe(QObject):
    ping = Signal()


def _loses_references() -> bool:
    probe = _Probe()
    rounds = 8
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(rounds):
        probe.setObjectName("probe")  # a void method
        probe.ping.emit()
    lost = max(none_before - sys.getrefcount(None), true_before - sys.getrefcount(True))
    return lost >= rounds


def _immortalise(*objects: object) -> None:
    # ob_refcnt is the first field of every CPython object (Py_ssize_t).
    for obj in objects:
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM


BINDING_LOSES_REFERENCES = sys.implementation.name == "cpython" and sys.version_info < (3, 12) \
    and _loses_references()
if BINDING_LOSES_REFERENCES:
    _immortalise(None, True, False)


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``; kept as the one place to adapt emits should another binding bug appear."""
    signal.emit(*args)
