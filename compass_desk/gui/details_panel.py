"""The right-hand panel: everything about the selected phone, and its action buttons."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain import deadline as deadline_mod
from compass_desk.domain import states
from compass_desk.domain.diagnosis import Diagnosis, diagnose
from compass_desk.domain.models import strip_port
from compass_desk.gui.flow_layout import FlowLayout
from compass_desk.gui.i18n import current_language
from compass_desk.gui.phone_model import PhoneRow, mac_label, model_label
from compass_desk.gui.style import STATE_LOOKS, icon, state_colour, state_text

translate = QCoreApplication.translate  # lupdate reads translate("DetailsPanel", "text")


def firmware_text(version: str | None, vendor: Any = None) -> str:
    if not version:
        return translate("DetailsPanel", "unknown")
    try:
        from compass_desk.domain.firmware import FirmwareError, parse_firmware
    except ImportError:
        return version
    try:
        return f"{version} — {parse_firmware(version, vendor).describe(current_language())}"
    except FirmwareError:
        return translate("DetailsPanel", "%1 (not a version Compass Desk can decode)").replace("%1", version)


def countdown_text(deadline: datetime, now: datetime) -> str:
    """Live countdown: days and hours far out, h:mm:ss on the last day."""
    remaining = deadline - now
    seconds = int(remaining.total_seconds())
    if seconds <= 0:
        return translate("DetailsPanel", "lapsed")
    if seconds >= 24 * 3600:
        if current_language() == "nl":
            from compass_desk.domain.fixes import duration_text

            left = duration_text(remaining).nl
        else:
            left = deadline_mod.time_left_text(deadline, now)
    else:
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        left = f"{hours}:{minutes:02d}:{secs:02d}"
    return translate("DetailsPanel", "%1 left").replace("%1", left)


def _when(moment: datetime | None) -> str:
    return f"{moment.astimezone():%d-%m-%Y %H:%M}" if moment else "—"


ENCRYPTION_TEXTS = {"optional": QT_TRANSLATE_NOOP("DetailsPanel", "optional"),
                    "mandatory": QT_TRANSLATE_NOOP("DetailsPanel", "mandatory")}

# The rows of the two boxes, in English (the keys of DetailsPanel.static / .live), listed for lupdate.
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("DetailsPanel", "Organisation"), QT_TRANSLATE_NOOP("DetailsPanel", "MAC"),
    QT_TRANSLATE_NOOP("DetailsPanel", "Model"), QT_TRANSLATE_NOOP("DetailsPanel", "Selected firmware"),
    QT_TRANSLATE_NOOP("DetailsPanel", "VLAN"), QT_TRANSLATE_NOOP("DetailsPanel", "Encryption"),
    QT_TRANSLATE_NOOP("DetailsPanel", "Expansion modules"),
    QT_TRANSLATE_NOOP("DetailsPanel", "Logged-in user"),
    QT_TRANSLATE_NOOP("DetailsPanel", "Online"), QT_TRANSLATE_NOOP("DetailsPanel", "Private IP"),
    QT_TRANSLATE_NOOP("DetailsPanel", "Public IP"), QT_TRANSLATE_NOOP("DetailsPanel", "Installed firmware"),
    QT_TRANSLATE_NOOP("DetailsPanel", "User agent"), QT_TRANSLATE_NOOP("DetailsPanel", "Registered"),
    QT_TRANSLATE_NOOP("DetailsPanel", "Last provisioned"), QT_TRANSLATE_NOOP("DetailsPanel", "Phone"),
    QT_TRANSLATE_NOOP("DetailsPanel", "Live status"),
)


class DetailsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Phone details"))
        self.row: PhoneRow | None = None
        self.cutoff: time = deadline_mod.DEFAULT_CUTOFF
        self.diagnosis: Diagnosis | None = None  # of the phone shown, for the state texts
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 0, 0)

        self.title = QLabel(self.tr("No phone selected"))
        self.title.setObjectName("detailsTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self.tr("Select a phone in the table, or scan its MAC into the search box."))
        self.subtitle.setWordWrap(True)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)

        # State: icon + text + explanation, the most important part, first.
        self.state_box = QGroupBox(self.tr("Provisioning by manufacturer"))
        state_layout = QVBoxLayout(self.state_box)
        state_line = QHBoxLayout()
        self.state_icon = QLabel()
        self.state_icon.setFixedSize(20, 20)
        self.state_text = QLabel()
        self.state_text.setObjectName("stateText")
        state_line.addWidget(self.state_icon)
        state_line.addWidget(self.state_text, 1)
        state_layout.addLayout(state_line)
        self.state_explained = QLabel()
        self.state_explained.setObjectName("stateExplained")
        self.state_explained.setWordWrap(True)
        self.next_step = QLabel()
        self.next_step.setObjectName("nextStep")
        self.next_step.setWordWrap(True)
        self.deadline = QLabel()
        self.deadline.setObjectName("deadline")
        self.deadline.setWordWrap(True)
        self.deadline.setAccessibleName(self.tr("Deadline"))
        for label in (self.state_explained, self.next_step, self.deadline):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            state_layout.addWidget(label)
        # The full explanation ("Why is this phone not working?") belongs with the short one.
        why = QPushButton(self.tr("Why is this phone not working?"))
        why.setObjectName("troubleshootButton")
        why.setFlat(True)
        why.setCursor(Qt.CursorShape.PointingHandCursor)
        why.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; text-align: left;"
                          " padding: 0; }")
        state_layout.addWidget(why, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.state_box)

        # Actions.
        self.buttons: dict[str, QPushButton] = {}
        # The buttons wrap onto more lines in a narrow panel (no horizontal scrollbar at 1024 px).
        # "provision" uses the menu's name for the same screen ("Provision this phone…").
        actions = FlowLayout(spacing=6)
        buttons = (("activate", self.tr("Activate")), ("reboot", self.tr("Reboot")),
                   ("move", self.tr("Move…")), ("provisioning", self.tr("View provisioning")),
                   ("firmware", self.tr("Firmware…")),
                   ("provision", self.tr("Provision this phone…")))
        for key, text in buttons:
            button = QPushButton(text)
            button.setObjectName(f"{key}Button")
            button.setAccessibleName(text.rstrip("…"))
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.buttons[key] = button
            actions.addWidget(button)
        self.buttons["troubleshoot"] = why
        # Features of other screens: hidden until the window has found them (gui.features).
        for key in ("provisioning", "move", "firmware"):
            self.buttons[key].setVisible(False)
        outer.addLayout(actions)

        self.static_box, self.static = self._form("Phone")
        self.live_box, self.live = self._form("Live status")
        outer.addWidget(self.static_box)
        outer.addWidget(self.live_box)
        outer.addStretch(1)
        # Measured while every part is shown: the window keeps the panel at least this wide.
        self.least_width = self.minimumSizeHint().width()
        self.show_row(None)

    def _form(self, title: str) -> tuple[QGroupBox, dict[str, QLabel]]:
        box = QGroupBox(self.tr(title))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fields = {
            "Phone": ("Organisation", "MAC", "Model", "Selected firmware", "VLAN", "Encryption",
                      "Expansion modules", "Logged-in user"),
            "Live status": ("Online", "Private IP", "Public IP", "Installed firmware", "User agent",
                            "Registered", "Last provisioned"),
        }[title]
        labels: dict[str, QLabel] = {}
        for name in fields:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(self.tr(name))
            form.addRow(f"{self.tr(name)}:", value)
            labels[name] = value
        return box, labels

    # -- content ---------------------------------------------------------------------------------
    def show_row(self, row: PhoneRow | None, now: datetime | None = None) -> None:
        self.row = row
        has = row is not None
        for box in (self.state_box, self.static_box, self.live_box):
            box.setVisible(has)
        for button in self.buttons.values():
            button.setEnabled(has and button.isEnabled())
        if row is None:
            self.title.setText(self.tr("No phone selected"))
            self.subtitle.setText(
                self.tr("Select a phone in the table, or scan its MAC into the search box."))
            return
        phone = row.phone
        model, vendor = model_label(phone.model)
        self.title.setText(phone.name or mac_label(phone.mac))
        self.subtitle.setText(f"{model} · {mac_label(phone.mac)} · {row.company_name}")
        self.static["Organisation"].setText(row.company_name or "—")
        self.static["MAC"].setText(mac_label(phone.mac))
        self.static["Model"].setText(f"{model} ({vendor.label})")
        self.static["Selected firmware"].setText(phone.firmware or self.tr("Use installed firmware"))
        self.static["VLAN"].setText(str(phone.vlan_id) if phone.vlan_id else self.tr("none"))
        self.static["Encryption"].setText(self.tr(str(ENCRYPTION_TEXTS.get(phone.encryption.value,
                                                                          phone.encryption.value))))
        self.static["Expansion modules"].setText(str(phone.expansion_pads))
        # The user's name; the end of the user's address only while the name is unknown (not read yet, or
        # not readable with this account), with a tooltip saying so.
        user = self.static["Logged-in user"]
        user.setText(row.user or self.tr("nobody"))
        user.setToolTip(self.tr("The name of this user is not known: this account may not read it, or it "
                                "was not read yet. Shown is the end of the user's address in Compass.")
                        if phone.logged_in_user and not row.user_name else "")
        self._show_status(row, vendor)
        self._show_state(row, now or datetime.now(UTC))

    def show_many(self, rows: list[PhoneRow]) -> None:
        """Several phones selected: how many, in which states; the window disables one-phone actions."""
        self.show_row(None)
        self.title.setText(self.tr("%1 phones selected").replace("%1", str(len(rows))))
        counts = Counter(row.phone.provisioning for row in rows)
        lines = [f"{counts[state]} × {state_text(state)}" for state in STATE_LOOKS if counts[state]]
        organisations = len({row.phone.company_url for row in rows})
        if organisations > 1:
            lines.append(self.tr("In %1 organisations").replace("%1", str(organisations)))
        lines.append(self.tr("Actions for one phone are off; Move works on all of them."))
        self.subtitle.setText("\n".join(lines))

    def _show_status(self, row: PhoneRow, vendor: Any) -> None:
        status = row.status
        if status is None:
            for label in self.live.values():
                label.setText("—")
            self.live["Online"].setText(self.tr("unknown (not read yet)"))
            return
        self.live["Online"].setText(self.tr("online") if status.online else self.tr("offline"))
        self.live["Private IP"].setText(strip_port(status.private_ip) or "—")
        self.live["Public IP"].setText(strip_port(status.public_ip) or "—")
        self.live["Installed firmware"].setText(firmware_text(status.firmware_version, vendor))
        self.live["User agent"].setText(status.user_agent or "—")
        self.live["Registered"].setText(_when(status.registered_at))
        self.live["Last provisioned"].setText(_when(status.last_provisioned_at))

    def _show_state(self, row: PhoneRow, now: datetime) -> None:
        state = row.phone.provisioning
        look = STATE_LOOKS[state]
        self.state_icon.setPixmap(icon(look.icon_name).pixmap(20, 20))
        colour = state_colour(state).name()
        self.state_text.setText(f"<b style='color:{colour}'>{state_text(state)}</b>")
        when = row.deadline(self.cutoff)
        # One verdict everywhere (domain.diagnosis, which sees the activation time, the deadline and the
        # live status): the "Suboptimal" filter, the troubleshooter and `phones show` say the same.
        lang = current_language()
        self.diagnosis = diagnose(row.phone, row.status, now, self.cutoff)
        self.state_explained.setText(f"{states.meaning(state, lang)} {self.diagnosis.verdict_text(lang)}")
        step = self.diagnosis.next_step(lang)
        self.next_step.setText(self.tr("<b>Next:</b> %1").replace("%1", step) if step else "")
        self.next_step.setVisible(bool(step))
        self.deadline.setVisible(when is not None)
        self.tick(now)

    def tick(self, now: datetime | None = None) -> None:
        """Update the live countdown (called every second by the window)."""
        row = self.row
        if row is None:
            return
        when = row.deadline(self.cutoff)
        if when is None:
            return
        now = now or datetime.now(UTC)
        from compass_desk.domain.fixes import when_text

        text = (self.tr("<b>Reset before %1</b> (Amsterdam time): %2.")
                .replace("%2", countdown_text(when, now))
                .replace("%1", when_text(when).get(current_language())))
        if self.cutoff < time(3):
            text = self.tr("%1 The platform may deregister a little later (up to 03:00).").replace("%1", text)
        self.deadline.setText(text)

