"""About Compass Desk: version, Qt, the bundled libraries and their licences, where the files are."""

from __future__ import annotations

import contextlib
import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass_desk import APP_NAME, __version__
from compass_desk.logsetup import LOG_FILE_NAME
from compass_desk.paths import AppPaths, app_paths
from compass_desk.services.diagnostics import BUNDLED_LIBRARIES, Library, indirect_libraries, library_version
from compass_desk.store.db import cache_db_path


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths | None = None, parent: QWidget | None = None, *,
                 show_indirect: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.paths = paths or app_paths()
        layout = QVBoxLayout(self)

        title = QLabel(f"<h2>{APP_NAME} {__version__}</h2>")
        title.setObjectName("aboutTitle")
        layout.addWidget(title)
        summary = QLabel(self.tr("Install and support Snom and Yealink desk phones "
                                 "on the Compass cloud PBX."))
        summary.setWordWrap(True)
        layout.addWidget(summary)

        facts = QFormLayout()
        facts.addRow(self.tr("Version:"), QLabel(__version__))
        self.qt_label = QLabel(self.tr("Qt %1, PySide6 %2").replace("%1", qVersion())
                               .replace("%2", PySide6.__version__))
        facts.addRow(self.tr("Built with:"), self.qt_label)
        facts.addRow(self.tr("Python:"), QLabel(platform.python_version()))
        self.folders: dict[str, Path] = {
            "logs": self.paths.logs,
            "cache": cache_db_path(self.paths.data).parent,
            "config": self.paths.config,
        }
        self.log_label = self._path_row(facts, self.tr("Log files:"), self.paths.logs / LOG_FILE_NAME, "logs")
        self.cache_label = self._path_row(facts, self.tr("Offline cache:"), cache_db_path(self.paths.data),
                                          "cache")
        self.config_label = self._path_row(facts, self.tr("Settings:"), self.paths.config, "config")
        layout.addLayout(facts)

        layout.addWidget(QLabel("<b>" + self.tr("Libraries included and their licences") + "</b>"))
        self.libraries = QTableWidget(0, 3)
        self.libraries.setObjectName("libraryTable")
        self.libraries.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        self.libraries.verticalHeader().hide()
        self.libraries.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.libraries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.libraries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.libraries.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        rows = [*BUNDLED_LIBRARIES, *(indirect_libraries() if show_indirect else [])]
        rows.insert(0, Library("Python", "", "PSF-2.0"))
        for library in rows:
            self._add_library(library)
        layout.addWidget(self.libraries, 1)
        note = QLabel(self.tr("Qt and Qt for Python are used under the GNU Lesser General Public License "
                              "version 3; you may replace them with your own build of the same version."))
        note.setWordWrap(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_logs = QPushButton(self.tr("Open log folder"))
        buttons.addButton(self.open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_logs.clicked.connect(lambda: self.open_folder("logs"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 600)

    def _path_row(self, form: QFormLayout, label: str, path: Path, key: str) -> QLabel:
        shown = QLabel(f'<a href="{key}">{_escape(str(path))}</a>')
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        shown.setToolTip(self.tr("Open the folder"))
        shown.linkActivated.connect(self.open_folder)
        shown.setWordWrap(True)
        form.addRow(label, shown)
        return shown

    def _add_library(self, library: Library) -> None:
        row = self.libraries.rowCount()
        self.libraries.insertRow(row)
        python = library.name == "Python"
        version = platform.python_version() if python else library_version(library.distribution)
        if version is None:  # a packaged build may leave out the metadata, never the library
            version = self.tr("included") if getattr(sys, "frozen", False) else self.tr("not found")
        cells = [library.name, version, library.licence]
        for column, text in enumerate(cells):
            self.libraries.setItem(row, column, QTableWidgetItem(text))

    def library_rows(self) -> list[tuple[str, str, str]]:
        table = self.libraries
        rows = []
        for r in range(table.rowCount()):
            name, version, licence = (item.text() if (item := table.item(r, c)) else "" for c in range(3))
            rows.append((name, version, licence))
        return rows

    def open_folder(self, key: str) -> bool:
        folder = self.folders[key]
        with contextlib.suppress(OSError):  # the file manager then says what is wrong with the path
            folder.mkdir(parents=True, exist_ok=True)  # a fresh install has no logs yet
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
