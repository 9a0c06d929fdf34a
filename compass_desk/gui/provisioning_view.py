"""The provisioning-file viewer: raw text (coloured, numbered, searchable) or a settings table,
validation findings, and secrets masked until the user deliberately reveals them.

Revealing calls ``on_reveal`` first (the caller writes the audit-log entry; if it raises, nothing
is revealed) and lasts until "Hide secrets" or the dialog closes. Copy and export take what is
shown, so they stay masked unless revealed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from compass_desk.domain.provisioning import (
    FileFormat,
    Finding,
    ParsedFile,
    ParseError,
    Setting,
    Severity,
    decode,
    parse_bytes,
    parse_text,
)
from compass_desk.domain.provisioning.detect import detect_format
from compass_desk.domain.provisioning.model import line_count
from compass_desk.domain.provisioning.secrets import mask_text, secret_settings
from compass_desk.domain.provisioning.validate import check, validate
from compass_desk.domain.text import Text, TextError
from compass_desk.gui.highlighter import ProvisioningHighlighter
from compass_desk.gui.i18n import localize
from compass_desk.gui.plurals import plural
from compass_desk.gui.provisioning_editor import CodeView, FindBar
from compass_desk.gui.provisioning_table import SettingsModel
from compass_desk.gui.style import is_dark

# Lines put in the text view before the first paint (more than a tall screen shows); the rest of a
# big file follows on the next turn of the event loop, before the findings.
_FIRST_LINES = 400
SEVERITY_TEXT = {Severity.ERROR: QT_TRANSLATE_NOOP("ProvisioningViewDialog", "Error"),
                 Severity.WARNING: QT_TRANSLATE_NOOP("ProvisioningViewDialog", "Warning"),
                 Severity.INFO: QT_TRANSLATE_NOOP("ProvisioningViewDialog", "Info")}
translate = QCoreApplication.translate  # lupdate reads translate("ProvisioningViewDialog", "text")
NO_AUDIT_LOG = Text("the audit log is not available", "het auditlog is niet beschikbaar")


class ProvisioningViewDialog(QDialog):
    def __init__(self, source: ParsedFile | str | bytes, *, filename: str = "", title: str | None = None,
                 on_reveal: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or (self.tr("Provisioning file %1").replace("%1", filename) if filename
                                      else self.tr("Provisioning file")))
        self.resize(1000, 720)
        self.filename = filename
        self.on_reveal = on_reveal
        self.revealed = False
        self.parsed, pending = _load(source, filename)
        self._masked = mask_text(self.parsed)  # computed once: the view, copy and export use it
        self._custom_lines = _custom_lines(self.parsed)
        self.findings: list[Finding] = []
        self._secrets: list[Setting] = []
        self.checked = False  # validation runs just after the text is first shown (big files)
        self._build()
        self._render(first_lines=_FIRST_LINES)
        if pending is None:
            QTimer.singleShot(0, self, self._check)  # bound to self: no call after close
        else:
            self._show_findings(pending)

    def _check(self) -> None:
        self._size_table_columns()
        self._show_findings(validate(self.parsed))

    def _show_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        self._secrets = secret_settings(self.parsed)
        self.summary.setText(self._summary_text())
        for finding in findings:
            where = self.tr("Line %1").replace("%1", str(finding.line)) if finding.line else self.tr("File")
            severity = self.tr(str(SEVERITY_TEXT[finding.severity]))
            item = QListWidgetItem(self.tr("%1 · %2: %3").replace("%3", localize(finding.text))
                                   .replace("%2", where).replace("%1", severity))
            item.setToolTip(item.text())  # a long finding is cut off at the list's edge
            item.setData(Qt.ItemDataRole.UserRole, finding.line)
            item.setForeground(QColor(_severity_colour(finding.severity)))
            self.findings_list.addItem(item)
        self.text_view.markers = _markers(findings)
        self.text_view.viewport().update()
        self.checked = True

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        parsed = self.parsed
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("%1 · %2 · checking…").replace("%2", localize(parsed.format.label_text))
                              .replace("%1", self.filename or self.tr("(no name)")), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.custom_label = QLabel(self)
        custom = self.custom_lines()
        if custom is not None:
            self.custom_label.setText(self.tr("Custom settings (added in Compass Studio): lines %1–%2, "
                                              "tinted in the text and the table.")
                                      .replace("%1", str(custom[0])).replace("%2", str(custom[1])))
        self.custom_label.setVisible(custom is not None)
        layout.addWidget(self.custom_label)

        self.tabs = QTabWidget(self)
        self.text_view = CodeView(self)
        self.tabs.addTab(self.text_view, self.tr("Text"))
        self.model = SettingsModel(parsed, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._table_double_clicked)
        self.tabs.addTab(self.table, self.tr("Settings"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.find_bar = FindBar(self)
        self.find_bar.view = self.text_view
        self.find_bar.text_changed.connect(self._filter_table)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_bar.open_bar)

        self.findings_list = QListWidget(self)
        self.findings_list.setAccessibleName(self.tr("Validation findings"))
        self.findings_list.itemActivated.connect(self._finding_activated)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tabs)
        top_layout.addWidget(self.find_bar)
        splitter.addWidget(top)
        splitter.addWidget(self.findings_list)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 90])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.reveal_button = QPushButton(self.tr("Reveal secrets"), self)
        self.reveal_button.setToolTip(
            self.tr("Show passwords and other secrets in plain text (audit-logged)"))
        self.reveal_button.setEnabled(self._masked != parsed.text)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(
            self.tr("Copy the selection, or the whole file, as shown (secrets stay masked)"))
        self.export_button = QPushButton(self.tr("Export…"), self)
        close = QPushButton(self.tr("Close"), self)
        for button in (self.reveal_button, self.copy_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.reveal_button.clicked.connect(self.toggle_reveal)
        self.copy_button.clicked.connect(self.copy_shown)
        self.export_button.clicked.connect(self._export_clicked)
        close.clicked.connect(self.reject)
        for button in (self.reveal_button, self.copy_button, self.export_button, close):
            button.setAutoDefault(False)  # Enter belongs to the find field, never to a button

    def _size_table_columns(self) -> None:
        # Widths from the longest names, not ResizeToContents (which measures every row of a big file).
        # The table is on the second tab, so this waits until the text has been shown.
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        longest = max((s.display_name for s in self.parsed.settings), key=len, default="Setting")
        header.resizeSection(0, min(metrics.horizontalAdvance(longest) + 24, 360))
        header.resizeSection(2, metrics.horizontalAdvance("Permission") + 16)
        header.resizeSection(3, metrics.horizontalAdvance("000000") + 16)
        header.resizeSection(4, 260)

    def _summary_text(self) -> str:
        parsed = self.parsed
        hidden = len(self._secrets)
        parts = [self.filename or self.tr("(no name)"), localize(parsed.format.label_text),
                 plural(len(parsed.settings), self.tr("1 setting"), self.tr("%1 settings"))]
        if hidden:
            parts.append(plural(hidden, self.tr("1 secret value masked"), self.tr("%1 secret values masked")))
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        warnings = sum(f.severity is Severity.WARNING for f in self.findings)
        warned = plural(warnings, self.tr("1 warning"), self.tr("%1 warnings"))
        parts.append(self.tr("%1, %2").replace("%2", warned)
                     .replace("%1", plural(errors, self.tr("1 error"), self.tr("%1 errors"))))
        text = " · ".join(parts)
        for note in parsed.note_texts:
            text += f"\n{localize(note)}"
        return text

    def custom_lines(self) -> tuple[int, int] | None:
        """First and last line of the custom-settings part, if the file marks one."""
        return self._custom_lines

    # -- showing --------------------------------------------------------------------------------
    def shown_text(self) -> str:
        """The text as the user sees it: masked unless revealed (what copy and export use)."""
        return self.parsed.text if self.revealed else self._masked

    def _render(self, first_lines: int | None = None) -> None:
        line = self.text_view.textCursor().blockNumber() + 1
        self.text_view.set_content(self.shown_text(), ProvisioningHighlighter, first_lines=first_lines,
                                   file_format=self.parsed.format, dark=is_dark(),
                                   custom_lines=self.custom_lines())
        self.model.set_revealed(self.revealed)
        if line > 1:
            self.text_view.go_to_line(line)

    def toggle_reveal(self) -> None:
        if self.revealed:
            self.set_revealed(False)
            return
        if self.on_reveal is not None:
            try:
                self.on_reveal()
            except Exception as exc:  # the audit entry could not be written: do not reveal
                QMessageBox.warning(self, self.tr("Secrets not revealed"),
                                    self.tr("Secrets stay hidden because revealing could not be logged: %1")
                                    .replace("%1", localize(exc)))
                return
        self.set_revealed(True)

    def set_revealed(self, revealed: bool) -> None:
        if revealed == self.revealed:
            return
        self.revealed = revealed
        self.reveal_button.setText(self.tr("Hide secrets") if revealed else self.tr("Reveal secrets"))
        self._render()

    def copy_shown(self) -> None:
        cursor = self.text_view.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n") if self.tabs.currentIndex() == 0 else ""
        QGuiApplication.clipboard().setText(selected or self.shown_text())

    def export_to(self, path: str | Path) -> None:
        Path(path).write_text(self.shown_text(), encoding="utf-8")

    def _export_clicked(self) -> None:
        suggested = self.filename or "provisioning.txt"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export provisioning file"), suggested)
        if not path:
            return
        try:
            self.export_to(path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            QMessageBox.warning(self, self.tr("Export failed"),
                                self.tr("The file could not be written: %1.").replace("%1", reason))

    def done(self, result: int) -> None:
        self.set_revealed(False)  # re-mask on close, whatever way the dialog is closed
        super().done(result)

    # -- navigation -----------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        self.find_bar.view = self.text_view if index == 0 else None
        self._filter_table(self.find_bar.field.text() if index == 1 else "")

    def _filter_table(self, text: str) -> None:
        self.proxy.setFilterFixedString(text if self.tabs.currentIndex() == 1 else "")

    def show_line(self, line: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.text_view.go_to_line(line)

    def _table_double_clicked(self, index: QModelIndex) -> None:
        setting = self.parsed.settings[self.proxy.mapToSource(index).row()]
        self.show_line(setting.line)

    def _finding_activated(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if line:
            self.show_line(int(line))


def _custom_lines(parsed: ParsedFile) -> tuple[int, int] | None:
    start = parsed.custom_start_line
    if start is None:
        return None
    custom = [s.line for s in parsed.settings if s.from_custom]
    end = max(custom) if parsed.format is FileFormat.SNOM_XML and custom else line_count(parsed.text)
    return start, max(end, start)


def _severity_colour(severity: Severity) -> str:
    from compass_desk.gui.provisioning_editor import MARKER_COLOURS

    return MARKER_COLOURS[severity]


def _markers(findings: list[Finding]) -> dict[int, Severity]:
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    markers: dict[int, Severity] = {}
    for finding in findings:
        line = finding.line
        if line and (line not in markers or order[finding.severity] < order[markers[line]]):
            markers[line] = finding.severity
    return markers


def _load(source: ParsedFile | str | bytes, filename: str) -> tuple[ParsedFile, list[Finding] | None]:
    """Parse (validation follows later); a file that does not parse is still shown, masked, as
    plain text, with the reason as its finding."""
    if isinstance(source, ParsedFile):
        return source, None
    try:
        parsed = parse_bytes(source, filename or None) if isinstance(source, bytes) else parse_text(
            source, filename or None)
        return parsed, None
    except ParseError:
        result = check(source, filename or None)  # says why, with a line where there is one
    if isinstance(source, bytes):
        try:
            text = decode(source).text
        except ParseError:
            text = ""  # binary or too large: the finding says so; nothing to show
    else:
        text = source
    try:
        file_format = detect_format(text, filename or None)
    except ParseError:
        file_format = FileFormat.SNOM_TEXT
    return ParsedFile(file_format, text, ()), result.findings


# -- entry points for the main window -------------------------------------------------------------
def open_file(parent: QWidget | None, path: str | Path) -> ProvisioningViewDialog | None:
    """Open a provisioning file from disk (no account needed); a failure is one message box."""
    from compass_desk.services.files import ProvisioningFileError, read_provisioning_file

    file = Path(path)
    try:
        # Regular files only, at most the size limit: a device or pipe must not hang the window.
        data = read_provisioning_file(file)
        decode(data)  # binary data is refused here, not shown as an empty viewer with "0 settings"
    except ProvisioningFileError as exc:
        QMessageBox.warning(parent, translate("ProvisioningViewDialog", "Cannot open file"), localize(exc))
        return None
    except ParseError as exc:
        QMessageBox.warning(parent, translate("ProvisioningViewDialog", "Cannot open file"),
                            translate("ProvisioningViewDialog", "%1 cannot be opened: %2.")
                            .replace("%2", localize(exc)).replace("%1", file.name))
        return None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        QMessageBox.warning(parent, translate("ProvisioningViewDialog", "Cannot open file"),
                            translate("ProvisioningViewDialog", "%1 cannot be opened: %2.")
                            .replace("%2", reason).replace("%1", file.name))
        return None
    dialog = ProvisioningViewDialog(data, filename=file.name, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_for_phone(parent: QWidget, browser: Any, phone: Any) -> None:
    """Fetch *phone*'s provisioning file off the UI thread, keep a copy for offline use, then show it;
    offline, show the copy kept earlier. Revealing is audited."""
    from compass_desk.gui.cache_view import open_cached, provisioning_cache_for
    from compass_desk.gui.messages import user_message
    from compass_desk.services.offline import fetch_for_viewing

    session, environment = getattr(browser, "session", None), getattr(browser, "environment", None)
    context = browser.context
    if environment is None:
        QMessageBox.information(parent, translate("ProvisioningViewDialog", "Provisioning file"),
                                translate("ProvisioningViewDialog", "Choose an environment first."))
        return
    if session is None or getattr(browser, "read_only", False):
        cache = provisioning_cache_for(context)
        if cache is None:
            QMessageBox.information(parent, translate("ProvisioningViewDialog", "Provisioning file"),
                                    translate("ProvisioningViewDialog",
                                              "Sign in to this environment to fetch the phone's "
                                              "provisioning file."))
            return
        open_cached(parent, cache, environment.name, phone.url, audit=getattr(context, "audit", None),
                    user=environment.username)
        return
    from compass_desk.store.audit import phone_target

    company = session.company(phone.company_url) if hasattr(session, "company") else None
    target = phone_target(phone.name, phone.mac, getattr(company, "name", ""))

    def reveal() -> None:
        audit = getattr(context, "audit", None)
        if audit is None:
            raise TextError(NO_AUDIT_LOG)
        audit.record(environment.name, environment.username, "reveal provisioning secrets", target, "ok")

    def show(file: Any) -> None:
        dialog = ProvisioningViewDialog(file.content, filename=file.filename, on_reveal=reveal,
                                        title=translate("ProvisioningViewDialog", "Provisioning file of %1")
                                        .replace("%1", phone_target(phone.name, phone.mac)), parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def failed(error: BaseException) -> None:
        QMessageBox.warning(parent, translate("ProvisioningViewDialog", "Provisioning file"),
                            user_message(error, "fetch the provisioning file"))

    browser.worker.submit(lambda _ctx: fetch_for_viewing(session, provisioning_cache_for(context), phone),
                          on_success=show, on_failure=failed,
                          label=translate("ProvisioningViewDialog", "Fetch the provisioning file of %1")
                          .replace("%1", target))
