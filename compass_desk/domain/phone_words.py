"""How every sentence names a phone: ``phone “Reception” (00:04:13:AA:BB:CC)`` in every language.

One wording for the API's errors, the moves, the firmware choices and the CLI, with the app's
quotes (“ ”) around the name. An audit entry names a phone differently (store.audit.phone_target):
a record carries no words of any language.
"""

from __future__ import annotations

from compass_desk.domain.mac import format_mac, is_mac
from compass_desk.domain.models import Phone
from compass_desk.domain.text import Text, fill, same

PHONE_NAMED = Text("phone “{name}” ({mac})", "telefoon “{name}” ({mac})")
PHONE_UNNAMED = Text("phone {mac}", "telefoon {mac}")
NO_MAC = Text("without a MAC address", "zonder MAC-adres")


def phone_words(phone: Phone) -> Text:
    """``phone “Reception” (00:04:13:AA:BB:CC)``; the resource id stands in for a missing MAC."""
    if is_mac(phone.mac):
        mac = same(format_mac(phone.mac))
    elif phone.resource_id:
        mac = same(phone.resource_id)
    else:
        mac = NO_MAC
    return fill(PHONE_NAMED, name=phone.name, mac=mac) if phone.name else fill(PHONE_UNNAMED, mac=mac)


def capital(text: Text) -> Text:
    """*text* with only its first letter raised, in every language."""
    return Text(text.en[:1].upper() + text.en[1:], text.nl[:1].upper() + text.nl[1:])


def phone_title(phone: Phone) -> Text:
    """``Phone “Reception” (00:04:13:AA:BB:CC)``, to start a sentence."""
    return capital(phone_words(phone))
