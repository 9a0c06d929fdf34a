"""Finding English left on a Dutch screen: every text a user can read in a widget tree, and the ones
that still read as English sentences. Shared by the Dutch screenshot tests of each screen.

The test is by words: a text is English when it holds a word that English sentences are made of
and Dutch never uses ("the", "could", "phone", ...). Data (names, MACs, versions, file contents)
rarely holds them; a test passes known data as *allowed*.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
    QWizard,
)

# Words of English sentences that are not Dutch words (so "is", "in", "of", "was", "been" are out).
_WORD_LIST = """
    the and to with this that these those could cannot can't couldn't from for has have having will
    your you are were not which what when where who why after before still must should would there
    their they than then only any into its it's does doesn't don't didn't isn't aren't wasn't
    phone phones organisation organisations environment environments settings please try again
    already being because about without while until every each other another first next new found
    failed unknown shows opens close save saved copy copied select selected move moved moving
    reboot rebooted refresh refreshed loading waiting done nothing some yes cancel back more less
    also just
"""
ENGLISH_WORDS = frozenset(_WORD_LIST.split())

_TAG = re.compile(r"<[^<>]*>")
_PATH_OR_URL = re.compile(r"\S*[/\\]\S*")  # file paths and web addresses are data
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def plain(text: str) -> str:
    """Rich text as the user reads it (tags dropped, entities decoded, accelerators removed)."""
    if "<" in text and ">" in text:
        text = _TAG.sub(" ", text)
    return html.unescape(text).replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def english_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(plain(text)) if w.lower() in ENGLISH_WORDS]


def looks_english(text: str) -> bool:
    return bool(english_words(text))


def _model_texts(model: QAbstractItemModel | None, rows: int) -> list[str]:
    if model is None:
        return []
    texts: list[str] = []
    columns = model.columnCount()
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                texts.append(value)

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(columns):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        texts.append(value)
            if depth < 3:
                walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    return texts


def visible_texts(root: QWidget, *, rows: int = 30, include_documents: bool = False) -> list[str]:
    """What a user can read in *root* and its visible children (plus tooltips and table cells).

    Plain-text editors (provisioning files, logs) are data and skipped unless *include_documents*.
    """
    texts = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts += [widget.placeholderText()]
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.placeholderText())
            if include_documents:
                texts.append(widget.toPlainText())
        elif isinstance(widget, QTextEdit):
            texts += [widget.toPlainText(), widget.placeholderText()]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView):
            texts += _model_texts(widget.model(), rows)
        elif isinstance(widget, QToolBar):
            for action in widget.actions():
                texts += [action.text(), action.toolTip()]
        if isinstance(widget, QWizard):
            page = widget.currentPage()
            if page is not None:
                texts += [page.title(), page.subTitle()]
            for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                          QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
                texts.append(widget.buttonText(which))
    return [t for t in texts if t and t.strip()]


def english_left(root: QWidget, allowed: Iterable[str] = (), **options) -> list[str]:
    """The texts of *root* that still read as English (each once, in order).

    *allowed* entries are data (names, addresses, what a server said): they are taken out of a text
    before its words are judged, so the sentence around them must still be Dutch.
    """
    allowed = sorted((a for a in allowed if a), key=len, reverse=True)  # "Demo production" before "Demo"
    found: list[str] = []
    for text in visible_texts(root, **options):
        readable = " ".join(plain(text).split())
        if readable in found:
            continue
        judged = _PATH_OR_URL.sub(" ", readable)
        for data in allowed:
            judged = judged.replace(data, " ")
        if looks_english(judged):
            found.append(readable)
    return found
