"""Unfinished moves by hand, shown at start: finish each one, put the phone back, or decide later.

For the main window::

    journal = open_journal(context.paths)
    if unfinished_moves(journal, session.environment):
        ResumeMovesDialog(journal, worker, session, audit=context.audit, parent=window).open()
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.mac import format_mac, is_mac
from compass_desk.domain.models import Environment
from compass_desk.gui.ask import confirm
from compass_desk.gui.i18n import localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.move_wizard import shown_progress
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Busy, JobContext, Worker
from compass_desk.paths import AppPaths
from compass_desk.services.moves import KIND, MoveError, MoveOutcome, MoveService
from compass_desk.services.session import Session
from compass_desk.store.journal import Journal, Operation

log = logging.getLogger(__name__)
OP_ROLE = Qt.ItemDataRole.UserRole + 1


def open_journal(paths: AppPaths) -> Journal:
    """The operations journal of this profile (``state.sqlite3`` in the data folder)."""
    from compass_desk.store.db import state_db_path

    paths.ensure()
    return Journal(state_db_path(paths.data))


def belongs_to(op: Operation, environment: Environment) -> bool:
    payload = op.payload
    return payload.get("base_url") == environment.base_url or payload.get("environment") == environment.name


def unfinished_moves(journal: Journal, environment: Environment | None = None) -> list[Operation]:
    """Moves by hand begun but not finished (oldest first); only *environment*'s when given."""
    ops = journal.unfinished(KIND)
    return [op for op in ops if environment is None or belongs_to(op, environment)]


def describe_operation(op: Operation) -> str:
    payload = op.payload
    phone: dict[str, Any] = (payload.get("snapshot") or {}).get("phone") or {}
    mac = str(payload.get("mac", ""))
    shown = format_mac(mac) if is_mac(mac) else mac
    name = f"“{phone.get('name')}” ({shown})" if phone.get("name") else shown
    source = (payload.get("source") or {}).get("name", "?")
    target = (payload.get("target") or {}).get("name", "?")
    last = op.last_step
    if last:
        step = QCoreApplication.translate("ResumeMovesDialog", "last step: %1 %2").replace(
            "%1", step_name(last.name)).replace("%2", step_state(last.state))
    else:
        step = QCoreApplication.translate("ResumeMovesDialog", "snapshot saved, nothing removed yet")
    started = op.started_at.astimezone().strftime("%d-%m-%Y %H:%M")
    text = QCoreApplication.translate("ResumeMovesDialog", "Move %1: phone %2 from %3 to %4\nstarted %5; %6")
    for number, value in enumerate((op.id, name, source, target, started, step), start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def step_name(name: str) -> str:
    """A journal step of a move by hand (services.moves) as the user reads it."""
    translate = QCoreApplication.translate
    names = {
        "remove": translate("ResumeMovesDialog", "removing it from the old organisation"),
        "add": translate("ResumeMovesDialog", "adding it to the new organisation"),
        "undo-remove": translate("ResumeMovesDialog", "removing it from the new organisation"),
        "restore": translate("ResumeMovesDialog", "adding it back to the old organisation"),
        "restore-settings": translate("ResumeMovesDialog", "putting its settings back"),
        "locate": translate("ResumeMovesDialog", "looking for it"),
        "verify": translate("ResumeMovesDialog", "reading it back"),
    }
    return names.get(name, name)


def step_state(state: str) -> str:
    translate = QCoreApplication.translate
    states = {"started": translate("ResumeMovesDialog", "started, outcome not known"),
              "done": translate("ResumeMovesDialog", "done"),
              "failed": translate("ResumeMovesDialog", "failed")}
    return states.get(state, state)


def confirm_text(op: Operation, action: str, environment: str) -> str:
    """The question before finishing or undoing a move: phone, both organisations, environment."""
    payload = op.payload
    phone: dict[str, Any] = (payload.get("snapshot") or {}).get("phone") or {}
    mac = str(payload.get("mac", ""))
    shown = format_mac(mac) if is_mac(mac) else mac
    name = f"“{phone.get('name')}” ({shown})" if phone.get("name") else shown
    source = (payload.get("source") or {}).get("name", "?")
    target = (payload.get("target") or {}).get("name", "?")
    if action == "resume":
        text = QCoreApplication.translate(
            "ResumeMovesDialog", "Finish moving phone %1 from “%2” to “%3” on environment “%4”?")
    else:
        text = QCoreApplication.translate(
            "ResumeMovesDialog", "Put phone %1 back from “%3” into “%2” on environment “%4”?")
    for number, value in enumerate((name, source, target, environment), start=1):
        text = text.replace(f"%{number}", str(value))
    return text


class ResumeMovesDialog(QDialog):
    resolved = Signal(object)  # MoveOutcome of a move finished or undone here

    def __init__(self, journal: Journal, worker: Worker, session: Session | None, *, audit: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unfinished moves"))
        self.resize(620, 380)
        self.journal = journal
        self.worker = worker
        self.session = session
        self.audit = audit
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "These moves by hand did not finish, for example because Compass Desk was closed or the "
            "connection broke. Everything about each phone was saved first. Finish the move, or put the "
            "phone back where it was (with its custom settings and firmware choice)."
        ))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.finish_button = QPushButton(self.tr("Finish the move"))
        self.undo_button = QPushButton(self.tr("Put it back"))
        self.later_button = QPushButton(self.tr("Decide later"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.finish_button.clicked.connect(lambda: self._run("resume"))
        self.undo_button.clicked.connect(lambda: self._run("undo"))
        self.later_button.clicked.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.busy = False
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for op in unfinished_moves(self.journal):
            item = QListWidgetItem(describe_operation(op))
            item.setData(OP_ROLE, op)
            if self.session is None or not belongs_to(op, self.session.environment):
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                where = op.payload.get("environment")
                item.setText(self.tr("%1\nSign in to %2 to finish or undo it.").replace("%2", str(where))
                             .replace("%1", item.text()))
            self.list.addItem(item)
        for row in range(self.list.count()):
            if self.list.item(row).flags() & Qt.ItemFlag.ItemIsSelectable:
                self.list.setCurrentRow(row)
                break
        self._update_buttons()

    def reject(self) -> None:
        if not self.busy:  # a move being finished keeps its journal until it has an answer
            super().reject()

    def current(self) -> Operation | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsSelectable:
            return None
        op: Operation = item.data(OP_ROLE)
        return op

    def _update_buttons(self) -> None:
        ready = self.current() is not None and not self.busy
        self.finish_button.setEnabled(ready)
        self.undo_button.setEnabled(ready)

    def _run(self, action: str) -> None:
        op, session = self.current(), self.session
        if op is None or session is None:
            return
        if not confirm(self, self.tr("Finish the move") if action == "resume" else self.tr("Put it back"),
                       confirm_text(op, action, session.environment.name)):
            return
        service = MoveService(session, self.journal, audit=self.audit)

        def work(ctx: JobContext) -> MoveOutcome:
            report = shown_progress(ctx)
            if action == "resume":
                return service.resume(op.id, report)
            return service.undo(op.id, report)

        self.busy = True
        self._update_buttons()
        self.message.setText(self.tr("Checking where the phone is now…"))
        try:
            self.worker.submit(work, label=f"move {op.id}", key=f"journal:{op.id}", on_success=self._done,
                               on_failure=self._failed, on_progress=self._progress)
        except Busy as exc:
            self._failed(exc)

    def _progress(self, _done: int, _total: int, text: str) -> None:
        self.message.setText(text)

    def _done(self, outcome: MoveOutcome) -> None:
        self.busy = False
        self.message.setText("\n".join(localize(text) for text in [outcome.text, *outcome.note_texts]))
        emit(self.resolved, outcome)
        self.reload()
        if self.list.count() == 0:
            self.later_button.setText(self.tr("Close"))

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        text = localize(error) if isinstance(error, MoveError) else user_message(error, "finish the move")
        self.message.setText(text)
        self.reload()
