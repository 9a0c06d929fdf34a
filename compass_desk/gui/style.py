"""How states and environments look: icon + text + colour (never colour alone), light and dark."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from compass_desk.domain.models import ProvisioningState
from compass_desk.resources import resource_path


@dataclass(frozen=True)
class StateLook:
    text: str  # short label shown in the table
    icon_name: str
    light: str  # foreground colour on a light palette
    dark: str  # foreground colour on a dark palette
    suboptimal: bool


STATE_LOOKS: dict[ProvisioningState, StateLook] = {
    ProvisioningState.DISABLED: StateLook("Disabled (normal)", "state-disabled", "#1e6b2c", "#7bd88f", False),
    ProvisioningState.ACTIVE: StateLook("Active: awaiting reset", "state-active", "#1559a3", "#8cc4ff",
                                        False),
    ProvisioningState.PROVISION: StateLook("Provision failed", "state-provision", "#b3261e", "#ff8a80", True),
    ProvisioningState.DEPROVISION: StateLook("Deprovision failed", "state-deprovision", "#a84b00",
                                             "#ffb74d", True),
}

# The labels above, listed for lupdate; shown through state_text() in the user's language.
STATE_TEXT_CONTEXT = "StateLook"
STATE_TEXTS = (
    QT_TRANSLATE_NOOP("StateLook", "Disabled (normal)"),
    QT_TRANSLATE_NOOP("StateLook", "Active: awaiting reset"),
    QT_TRANSLATE_NOOP("StateLook", "Provision failed"),
    QT_TRANSLATE_NOOP("StateLook", "Deprovision failed"),
)


def state_text(state: ProvisioningState) -> str:
    """The short label of *state* in the installed language."""
    return QCoreApplication.translate(STATE_TEXT_CONTEXT, STATE_LOOKS[state].text)


@functools.cache
def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons (scales cleanly on high-DPI screens)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def state_colour(state: ProvisioningState, dark: bool | None = None) -> QColor:
    look = STATE_LOOKS[state]
    return QColor(look.dark if (is_dark() if dark is None else dark) else look.light)


@dataclass(frozen=True)
class EnvironmentLook:
    label: str
    background: str
    foreground: str


def environment_look(name: str) -> EnvironmentLook:
    """Production red-ish, staging amber, anything else neutral blue."""
    lowered = name.lower()
    if "prod" in lowered:
        return EnvironmentLook(name, "#c62828", "#ffffff")
    if "stag" in lowered or "test" in lowered or "acc" in lowered:
        return EnvironmentLook(name, "#f2a900", "#1a1a1a")
    return EnvironmentLook(name, "#37618f", "#ffffff")


def badge_stylesheet(look: EnvironmentLook) -> str:
    return (
        f"QLabel {{ background: {look.background}; color: {look.foreground}; border-radius: 4px;"
        " padding: 3px 10px; font-weight: bold; }"
    )
