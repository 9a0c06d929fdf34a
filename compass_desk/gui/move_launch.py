"""One call each for the main window: the Move wizard, bulk move, environment switch, unfinished moves.

*browser* is the main window's :class:`~compass_desk.gui.browser.Browser` (session, environment,
context with paths/audit/passwords/connect, worker). Each screen opens its own handle on the
operations journal and closes it with the screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from compass_desk.domain.models import Environment, Phone
from compass_desk.gui.messages import user_message

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

if TYPE_CHECKING:
    from compass_desk.gui.bulk_move import BulkMoveDialog
    from compass_desk.gui.move_resume import ResumeMovesDialog
    from compass_desk.gui.move_wizard import MoveWizard
    from compass_desk.services.moves import MoveService
    from compass_desk.store.journal import Journal

log = logging.getLogger(__name__)


def _service(browser: Any) -> tuple[MoveService, Journal]:
    """A move service on a journal handle of its own (closed with the screen that uses it)."""
    from compass_desk.gui.move_resume import open_journal
    from compass_desk.services.moves import MoveService

    journal = open_journal(browser.context.paths)
    return MoveService(browser.session, journal, audit=getattr(browser.context, "audit", None)), journal


def _signed_in(parent: QWidget | None, browser: Any, title: str) -> bool:
    if browser.session is None or getattr(browser, "read_only", False):
        QMessageBox.information(parent, title,
                                translate("MoveLaunch", "Sign in to this environment to move phones."))
        return False
    return True


def _after_move(browser: Any, outcome: Any) -> None:
    if outcome.method.value == "api" and browser.model.row_for_url(outcome.phone.url) is not None:
        browser.phone_updated(outcome.phone)
    else:
        browser.refresh()  # a phone moved by hand has a new id: read the list again


def _open_reset_guide(parent: QWidget | None, browser: Any, phone: Phone) -> None:
    try:
        from compass_desk.gui.reset_wizard.launch import open_reset_wizard
    except ImportError:
        QMessageBox.information(parent, translate("MoveLaunch", "Factory reset"),
                                translate("MoveLaunch", "Reset the phone to factory defaults now; "
                                          "'compass-desk guide %1' shows how.").replace("%1", phone.model))
        return
    open_reset_wizard(parent, browser, browser.worker, mac=phone.mac)


def open_move_wizard(parent: QWidget | None, browser: Any, phone: Phone) -> MoveWizard | None:
    from compass_desk.gui.move_wizard import MoveWizard

    if not _signed_in(parent, browser, translate("MoveLaunch", "Move phone")):
        return None
    service, journal = _service(browser)
    wizard = MoveWizard(service, browser.worker, phone, companies=browser.session.companies, parent=parent)
    wizard.destroyed.connect(lambda *_: journal.close())
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.moved.connect(lambda outcome: _after_move(browser, outcome))
    wizard.reset_guide_requested.connect(lambda moved: _open_reset_guide(parent, browser, moved))
    wizard.show()
    return wizard


def open_bulk_move(parent: QWidget | None, browser: Any, phones: list[Phone]) -> BulkMoveDialog | None:
    from compass_desk.gui.bulk_move import BulkMoveDialog

    if not phones or not _signed_in(parent, browser, translate("MoveLaunch", "Move phones")):
        return None
    service, journal = _service(browser)
    dialog = BulkMoveDialog(service, browser.worker, phones, browser.session.companies, parent=parent)
    dialog.destroyed.connect(lambda *_: journal.close())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished_run.connect(lambda _run: browser.refresh())
    dialog.show()
    return dialog


def open_environment_switch(parent: QWidget | None, browser: Any, phone: Phone,
                            target: Environment) -> None:
    """Sign in to *target* off the UI thread, then show both environments side by side."""
    title = translate("MoveLaunch", "Use on another environment")
    if not _signed_in(parent, browser, title):
        return
    context, source = browser.context, browser.session
    password = context.passwords.get(target)
    if password is None:
        QMessageBox.information(parent, title, translate(
            "MoveLaunch", "Sign in to %1 once (switch to it), then try again.").replace("%1", target.name))
        return

    def show(session: Any) -> None:
        from compass_desk.gui.move_env import EnvSwitchDialog

        dialog = EnvSwitchDialog(source, session, browser.worker, phone, audit=context.audit, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: session.close())
        dialog.reset_guide_requested.connect(lambda p: QMessageBox.information(
            parent, translate("MoveLaunch", "Factory reset"),
            translate("MoveLaunch", "Reset the phone now; it joins %1 when it starts again. "
                      "'compass-desk guide %2' shows how.").replace("%2", p.model)
            .replace("%1", target.name)))
        dialog.show()

    def failed(error: BaseException) -> None:
        QMessageBox.warning(parent, title, user_message(error, f"sign in to {target.name}"))

    label = translate("MoveLaunch", "Signing in to %1").replace("%1", target.name)
    browser.worker.submit(lambda _ctx: context.connect(target, password), label=label,
                          on_success=show, on_failure=failed)


def offer_unfinished_moves(parent: QWidget | None, browser: Any) -> ResumeMovesDialog | None:
    """At start (after signing in): show the unfinished moves by hand, if there are any."""
    from compass_desk.gui.move_resume import ResumeMovesDialog, open_journal, unfinished_moves

    journal = open_journal(browser.context.paths)
    if not unfinished_moves(journal):
        journal.close()
        return None
    dialog = ResumeMovesDialog(journal, browser.worker, browser.session,
                               audit=getattr(browser.context, "audit", None), parent=parent)
    dialog.destroyed.connect(lambda *_: journal.close())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.resolved.connect(lambda _outcome: browser.refresh())
    dialog.show()
    return dialog
