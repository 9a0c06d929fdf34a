"""Finding suitable phones in the demo data, and screenshots of the pages."""

from __future__ import annotations

import os
from pathlib import Path

from compass_desk.domain.models import Access, ProvisioningState


def phones_where(session, state, online=None, vendor=None):
    """Phones in *state* (and online or not) in organisations the demo user may change."""
    found = []
    statuses = session.statuses(session.phones)
    for phone in sorted(session.phones, key=lambda p: p.url):
        company = session.company(phone.company_url)
        if company is None or company.access is not Access.WRITE or phone.provisioning is not state:
            continue
        if vendor is not None and not phone.model.startswith(vendor):
            continue
        status = statuses.get(phone.url)
        if online is not None and (status is None or status.online is not online):
            continue
        found.append(phone)
    return found


def working_phone(session, vendor=None):
    found = phones_where(session, ProvisioningState.DISABLED, online=True, vendor=vendor)
    assert found, "the demo data has no working phone with write access"
    return found[0]


def shot(widget, name):
    """Save a screenshot when WIZARD_SHOTS names a folder (to look at the pages)."""
    folder = os.environ.get("WIZARD_SHOTS")
    image = widget.grab()
    assert not image.isNull()
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(folder) / f"{name}.png"))
