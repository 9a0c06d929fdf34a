"""Small shared pieces of the reset wizard and the troubleshooter: language, confirmation, labels."""

from __future__ import annotations

import functools
import logging
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from compass_desk.domain.guides import GuideBook, GuideError, svg_for_language, svg_key_names
from compass_desk.domain.mac import MacError, OuiTable, format_mac
from compass_desk.domain.models import Phone, ProvisioningState
from compass_desk.domain.states import term
from compass_desk.gui.ask import confirm as confirm  # the pages ask through common.confirm (tests replace it)

log = logging.getLogger(__name__)

# Notice styles: colour is never the only cue, the text always says what it is.
INFO, WARNING, PROBLEM, SUCCESS = "info", "warning", "problem", "success"
_NOTICE_STYLE = {
    INFO: "background: #e8f0fb; color: #17375e; border: 1px solid #9db9e0;",
    WARNING: "background: #fff4d6; color: #4d3800; border: 1px solid #e0b64a;",
    PROBLEM: "background: #fdeceb; color: #6b1410; border: 1px solid #e59a95;",
    SUCCESS: "background: #e6f4e8; color: #1b4d24; border: 1px solid #8fc79a;",
}


def state_term(state: ProvisioningState, lang: str) -> str:
    """The state as Compass names it ("disabled"), without the table's "(normal)": it may be the problem."""
    return term(state).get(lang)


def clock_text(moment: datetime) -> str:
    """HH:MM in local time; with the day (dd-mm) when it is not today. The same in every language."""
    local = moment.astimezone()
    today = datetime.now(UTC).astimezone().date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%d-%m %H:%M}"


@functools.cache
def guidebook() -> GuideBook:
    """The validated reset guides (read once; a few small files)."""
    from compass_desk.cli.guides import load_guidebook

    return load_guidebook()


@functools.cache
def illustrations() -> dict[str, str]:
    from compass_desk.cli.guides import load_illustrations

    return load_illustrations()


@functools.cache
def illustration(layout: str, lang: str) -> str:
    """The keypad SVG of *layout* with its lettering in *lang* ("" when there is none)."""
    svg = illustrations().get(layout, "")
    try:
        return svg_for_language(svg, lang) if svg else ""
    except GuideError as exc:  # validated at load; still, the plain picture beats none
        log.warning("illustration %s not localised: %s", layout, exc)
        return svg


def mac_text(mac: str) -> str:
    try:
        return format_mac(mac)
    except MacError:
        return mac


def phone_label(phone: Phone) -> str:
    return f"“{phone.name}” ({mac_text(phone.mac)})" if phone.name else mac_text(phone.mac)


_KEY_SYMBOLS = {"hash": "#", "star": "*"}


def key_names(svg_text: str, lang: str = "en") -> dict[str, str]:
    """Key id → the name people know in *lang* (see :func:`compass_desk.domain.guides.svg_key_names`)."""
    try:
        return svg_key_names(svg_text, lang)
    except GuideError:  # validated at load; a broken picture still leaves the key ids
        return {}


def key_name(key_id: str, names: dict[str, str]) -> str:
    if key_id in names:
        return names[key_id]
    suffix = key_id.rsplit("key-", 1)[-1] if "key-" in key_id else key_id
    return _KEY_SYMBOLS.get(suffix, suffix.replace("-", " "))


def notice(label: QLabel, text: str, kind: str = INFO) -> None:
    """Show *text* in a coloured, word-wrapped box (hidden when empty)."""
    label.setText(text)
    label.setVisible(bool(text))
    label.setStyleSheet(f"QLabel {{ {_NOTICE_STYLE[kind]} border-radius: 4px; padding: 8px 10px; }}")


def notice_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def wrapped(text: str = "", name: str = "", bold: bool = False, scale: float = 1.0) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    if bold or scale != 1.0:
        font = label.font()
        font.setBold(bold)
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    return label


@functools.cache
def oui_table() -> OuiTable:
    from compass_desk.resources import load_toml

    return OuiTable.from_toml(load_toml("oui.toml"))
