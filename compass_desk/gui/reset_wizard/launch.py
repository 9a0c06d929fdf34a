"""Opening the wizard and the troubleshooter from the main window (one call each)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from compass_desk.gui.i18n import current_language
from compass_desk.gui.qtfix import emit

if TYPE_CHECKING:
    from compass_desk.gui.reset_wizard.wizard import ResetWizard
    from compass_desk.gui.troubleshooter import TroubleshooterDialog
    from compass_desk.gui.worker import Worker


def _language(browser: Any) -> str:
    """The language the app was started in (a changed preference counts from the next start), so
    the wizard's own words and the errors it shows (through user_message) never mix."""
    del browser
    return current_language()


def open_reset_wizard(parent: QWidget | None, browser: Any, worker: Worker, row: Any = None,
                      mac: str | None = None) -> ResetWizard | None:
    """Show the wizard for the selected *row* (a PhoneRow), a *mac*, or neither; None when offline.

    *browser* is the main window's :class:`~compass_desk.gui.browser.Browser` (session, environment,
    audit log, cutoff); changed phones go back to its table.
    """
    from compass_desk.gui.reset_wizard.wizard import ResetWizard

    session = browser.session
    if session is None or getattr(browser, "read_only", False):
        return None
    context = browser.context
    wizard = ResetWizard(
        session,
        worker=worker,
        phone=row.phone if row is not None else None,
        mac=mac,
        audit=context.audit,
        lang=_language(browser),
        cutoff=context.cutoff,
        parent=parent,
    )
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.phone_changed.connect(lambda phone: _phone_changed(browser, phone))
    wizard.status_read.connect(lambda phone, status: _status_read(browser, phone, status))
    wizard.show()
    return wizard


def _phone_changed(browser: Any, phone: Any) -> None:
    if browser.model.row_for_url(phone.url) is None:
        browser.refresh()  # a phone the wizard added: read the list again so it shows up
    else:
        browser.phone_updated(phone)


def _read_fresh(browser: Any, phone: Any, status: Any) -> None:
    """The troubleshooter read the phone again: the main window shows what it read."""
    i = browser.model.row_for_url(phone.url)
    if i is not None and browser.model.row_at(i).phone != phone:
        browser.phone_updated(phone)
    if status is not None:
        _status_read(browser, phone, status)


def _status_read(browser: Any, phone: Any, status: Any) -> None:
    """A fresher live status: the table row and the details panel show it at once (no F5)."""
    if browser.model.row_for_url(phone.url) is not None:
        browser.model.update_statuses({phone.url: status})
        emit(browser.statuses_updated)  # the filters ("offline", "suboptimal") and the panel follow


def open_troubleshooter(parent: QWidget | None, browser: Any, worker: Worker,
                        row: Any) -> TroubleshooterDialog:
    """Show "Why is this phone not working?" for *row*; reads fresh data when online."""
    from compass_desk.gui.actions import PhoneActions
    from compass_desk.gui.browser import Mode
    from compass_desk.gui.troubleshooter import TroubleshooterDialog

    online = browser.session is not None and not getattr(browser, "read_only", False)
    saved_at = browser.shown_data_time() if browser.mode == Mode.OFFLINE else None
    url = row.phone.url

    def current_row() -> Any:
        i = browser.model.row_for_url(url)
        return browser.model.row_at(i) if i is not None else None

    dialog = TroubleshooterDialog(
        row.phone,
        status=row.status,
        session=browser.session if online else None,
        worker=worker,
        company_name=row.company_name,
        lang=_language(browser),
        cutoff=browser.context.cutoff,
        row_for=current_row,
        saved_at=saved_at,
        parent=parent,
    )
    # The main window's Activate (availability, confirmation, audit, table update), asked over the dialog.
    actions = PhoneActions(browser, worker, dialog)
    dialog.use_actions(actions)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.phone_read.connect(lambda phone, status: _read_fresh(browser, phone, status))
    dialog.provision_requested.connect(
        lambda phone: open_reset_wizard(parent, browser, worker, row) if phone.url == row.phone.url else None
    )
    dialog.show()
    return dialog
