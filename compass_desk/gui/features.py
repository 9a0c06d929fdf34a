"""Buttons of features built elsewhere (provisioning file, move, firmware): shown only when there.

Each feature module offers ``open_for_phone(parent, browser, phone)``. Until the module exists
the button stays hidden, never dead. Looked up after the first paint, so start-up stays fast.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Feature:
    key: str  # the details panel's button key
    module: str
    operation: str  # for Session.supports() and the rights check


FEATURES = (
    Feature("provisioning", "compass_desk.gui.provisioning_view", "provisioning"),
    Feature("move", "compass_desk.gui.move_wizard", "migrate"),
    Feature("firmware", "compass_desk.gui.firmware_dialog", "update"),
)


def opener(feature: Feature) -> Callable[[Any, Any, Any], Any] | None:
    """The feature's ``open_for_phone``, or None when it is not (yet) part of the application."""
    try:
        module = importlib.import_module(feature.module)
    except ImportError:
        return None
    except Exception:  # a broken feature must not take the main window down
        log.exception("feature %s could not be loaded", feature.key)
        return None
    found = getattr(module, "open_for_phone", None)
    return found if callable(found) else None
