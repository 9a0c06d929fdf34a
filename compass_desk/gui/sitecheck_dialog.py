"""Site check dialog: a line per check that fills in as the checks finish, plain verdicts with what to
ask the customer's IT for, and the report to copy or save (text or HTML) for the ticket.

The domain words every check, verdict and report in English and Dutch (``domain.text.Text``); the
dialog shows them in the installed language, and the report copied or saved is in that language too,
so it reads as the screen did (the CLI's report stays English).

The checks run through the shared :class:`Worker`; each finished check reaches the dialog through
a queued signal, so the rows fill in one by one while the run is still going.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.models import Environment
from compass_desk.domain.os_words import os_reason
from compass_desk.domain.sitecheck import CheckResult, CheckSpec, Outcome, RunSettings, SiteReport
from compass_desk.domain.sitecheck_report import LABEL_TEXTS, headline, render_html, render_text
from compass_desk.domain.sitecheck_words import detail_texts
from compass_desk.gui.i18n import current_language, localize
from compass_desk.gui.messages import user_message
from compass_desk.gui.qtfix import emit
from compass_desk.gui.worker import Job, JobContext, Worker
from compass_desk.services.cancel import Cancelled
from compass_desk.services.sitecheck import SiteCheckOptions, plan, run_sitecheck

log = logging.getLogger(__name__)

_COLOURS = {
    Outcome.PASSED: "#1b7f3b", Outcome.WARNING: "#a36a00", Outcome.FAILED: "#b3261e",
    Outcome.SKIPPED: "#666666", Outcome.INFO: "#28559a",
}
CHECKING = QT_TRANSLATE_NOOP("SiteCheckDialog", "Checking…")  # shown translated: SiteCheckDialog.checking


class _Bridge(QObject):
    result = Signal(int, object)  # (run number, CheckResult), emitted from the pool thread


class SiteCheckDialog(QDialog):
    """``SiteCheckDialog(worker, environment=None, parent=None)``; ``start()`` runs the checks.

    *checks* (run settings and the check list) and *options* (resolver, CAs) default to the built-in
    ``resources/sitecheck.toml`` and the real network; tests pass loopback ones.
    """

    finished_run = Signal()

    def __init__(self, worker: Worker, environment: Environment | None = None, parent: QWidget | None = None,
                 *, checks: tuple[RunSettings, list[CheckSpec]] | None = None,
                 options: SiteCheckOptions | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Site check"))
        self.checking = self.tr(str(CHECKING))
        self.resize(900, 560)
        self.worker = worker
        self.environment = environment
        self._plan = checks
        self._options = options
        self.report: SiteReport | None = None
        self.job: Job | None = None
        self._rows: dict[str, int] = {}
        self._run = 0  # results of an earlier (cancelled) run still queued are ignored
        self._bridge = _Bridge(self)
        self._bridge.result.connect(self._on_bridge_result)

        intro = QLabel(self.tr("Checks whether a phone on this network can reach what it needs to provision. "
                               "Run it on the phones' network (same switch, same VLAN)."))
        intro.setWordWrap(True)
        self.headline = QLabel("")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Result"),
                                              self.tr("What happened and what to ask IT")])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 260)
        # Whole sentences, never "…": rows grow with their wrapped text, also when the dialog is resized.
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._refit.start())

        self.run_button = QPushButton(self.tr("Run"))  # "Run again" once a run has started
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.save_button = QPushButton(self.tr("Save report…"))
        close_button = QPushButton(self.tr("Close"))
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.copy_button.clicked.connect(self.copy_report)
        self.save_button.clicked.connect(self._ask_save)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.run_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.copy_button, self.save_button, close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(intro)
        layout.addWidget(self.progress)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._set_running(False)
        self.copy_button.setEnabled(False)
        self.save_button.setEnabled(False)

    # --- running ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def start(self) -> None:
        if self.running:
            return
        try:
            settings, specs = self._plan or plan(checked_environment(self.environment, self.parent()))
        except Exception as exc:  # an unreadable configuration: one sentence, nothing started
            self.headline.setText(user_message(exc, "prepare the site check"))
            return
        self.report = None
        self.copy_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._fill_rows(specs)
        self.progress.setRange(0, len(specs))
        self.progress.setValue(0)
        self.headline.setText(self.tr("Checking %1 things in parallel; this takes at most %2 seconds.")
                              .replace("%1", str(len(specs))).replace("%2", f"{settings.total_s:.0f}"))
        options = self._options or SiteCheckOptions()
        name = self.environment.name if self.environment else None
        bridge = self._bridge
        self._run += 1
        run = self._run

        def work(ctx: JobContext) -> SiteReport:
            return run_sitecheck(specs, settings, options, progress=ctx.progress, cancel=ctx.token,
                                 on_result=lambda result: emit(bridge.result, run, result), environment=name)

        self.job = self.worker.submit(work, label=self.tr("Site check"), on_success=self._done,
                                      on_failure=self._failed, on_progress=self._progressed)
        self.run_button.setText(self.tr("Run again"))
        self._set_running(True)

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _fill_rows(self, specs: list[CheckSpec]) -> None:
        self.table.setRowCount(0)
        self._rows = {}
        for spec in specs:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._rows[spec.id] = row
            title = localize(spec.title_text) + (f"\n{spec.target}" if spec.target else "")
            self.table.setItem(row, 0, QTableWidgetItem(title))
            self.table.setItem(row, 1, QTableWidgetItem(self.checking))
            self.table.setItem(row, 2, QTableWidgetItem(""))
        self.table.resizeRowsToContents()

    def _progressed(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_bridge_result(self, run: int, result: CheckResult) -> None:
        if run == self._run:
            self._show_result(result)

    def _show_result(self, result: CheckResult) -> None:
        row = self._rows.get(result.spec.id)
        if row is None:
            return
        verdict = QTableWidgetItem(localize(LABEL_TEXTS[result.outcome]))
        verdict.setForeground(QBrush(QColor(_COLOURS[result.outcome])))
        font = verdict.font()
        font.setBold(True)
        verdict.setFont(font)
        text = localize(result.summary_text)
        if result.ask_it:
            text = self.tr("%1\nAsk IT: %2").replace("%2", localize(result.ask_it_text)).replace("%1", text)
        details = [localize(detail) for detail in detail_texts(result.details)]
        if result.outcome is Outcome.INFO:  # the facts are the content of an informational line
            text += "".join(f"\n{detail}" for detail in details)
        what = QTableWidgetItem(text)
        # The whole text on hover too (with the facts behind it), for a row scrolled half out of view.
        what.setToolTip("\n".join([text, *([] if result.outcome is Outcome.INFO else details)]))
        self.table.setItem(row, 1, verdict)
        self.table.setItem(row, 2, what)
        self.table.resizeRowToContents(row)

    def _done(self, report: SiteReport) -> None:
        if report.cancelled:  # a partial report is no report: say cancelled, as for a raised Cancelled
            self._failed(Cancelled())
            return
        self.report = report
        for check in report.checks:  # also the lines that ran out of time after the last signal
            self._show_result(check)
        self.headline.setText(localize(headline(report)))
        self.progress.setValue(self.progress.maximum())
        self.copy_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self._set_running(False)
        emit(self.finished_run)

    def _failed(self, error: BaseException) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 1)
            if item is not None and item.text() == self.checking:
                word = self.tr("Cancelled") if isinstance(error, Cancelled) else self.tr("Not finished")
                self.table.setItem(row, 1, QTableWidgetItem(word))
        if isinstance(error, Cancelled):
            self.headline.setText(
                self.tr("The site check was cancelled; run it again for a complete report."))
        else:
            self.headline.setText(user_message(error, "run the site check"))
        self._set_running(False)
        emit(self.finished_run)

    # --- the report ------------------------------------------------------------------------

    def copy_report(self) -> None:
        if self.report is None:
            return
        data = QMimeData()
        lang = current_language()
        data.setText(render_text(self.report, lang))
        data.setHtml(render_html(self.report, lang))
        QGuiApplication.clipboard().setMimeData(data)
        _release_rich_clipboard_at_quit()
        self.headline.setText(
            self.tr("%1 The report is on the clipboard.").replace("%1", localize(headline(self.report))))

    def save_report(self, path: str | Path) -> bool:
        """Write the report as HTML (.html/.htm) or text; False with a message when it cannot."""
        if self.report is None:
            return False
        target = Path(path)
        html = target.suffix.lower() in (".html", ".htm")
        try:
            lang = current_language()
            text = render_html(self.report, lang) if html else render_text(self.report, lang)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save report"),
                                self.tr("The report could not be saved to %1: %2.")
                                .replace("%2", localize(os_reason(exc))).replace("%1", str(target)))
            return False
        self.headline.setText(self.tr("%1 Saved to %2.").replace("%2", str(target))
                              .replace("%1", localize(headline(self.report))))
        return True

    def _ask_save(self) -> None:
        if self.report is None:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), f"sitecheck-{stamp}.html",
                                              self.tr("HTML report (*.html);;Text report (*.txt)"))
        if path:
            self.save_report(path)

    def reject(self) -> None:
        self.cancel()  # the checks end on their own within their time limits
        super().reject()


def checked_environment(environment: Environment | None, window: object) -> Environment | None:
    """*environment* at the address actually used: a demo profile says ``http://127.0.0.1`` until its
    simulator listens on its own port, which the window's session (or the demo servers) know."""
    if environment is None:
        return None
    session = getattr(getattr(window, "browser", None), "session", None)
    real = getattr(session, "environment", None)
    if isinstance(real, Environment) and real.name == environment.name:
        return real
    servers = getattr(getattr(window, "context", None), "demo_servers", None)
    if servers is not None:
        try:
            url = str(servers.simulator(environment.name, timeout=0.0).base_url)
        except Exception:  # not started (yet): check the address the profile has
            log.info("the demo server of %s is not there for the site check", environment.name)
        else:
            return dataclasses.replace(environment, base_url=url)
    return environment


_release_connected = False


def release_rich_clipboard() -> None:
    """Swap a rich clipboard entry made here for its plain text while Python still runs.

    A QMimeData created from Python and left on the clipboard is destroyed by Qt's own exit
    handlers after the interpreter has finished, which crashes the process on the way out.
    """
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(clipboard.text())


def _release_rich_clipboard_at_quit() -> None:
    global _release_connected
    app = QGuiApplication.instance()
    if app is not None and not _release_connected:
        app.aboutToQuit.connect(release_rich_clipboard)
        _release_connected = True
