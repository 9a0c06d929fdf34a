"""The troubleshooter: "Why is this phone not working?", from its state, live status and the clock.

Follows the Compass provisioning page (seed-provisioning.txt): a phone in normal use must be
``disabled``; ``active`` / ``provision`` / ``deprovision`` on a phone that should be in use, or
``disabled`` on a phone that never fetched its settings, is a *suboptimal state*, fixed by: remove
and re-add the phone (or else Activate), factory reset, let it start fully without touching it,
confirm ``disabled``. Findings come in order, the most important first; each has English and Dutch
text and the fix as :class:`Fix` codes, so the GUI can offer the matching button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from compass_desk.domain.deadline import DEFAULT_CUTOFF, deadline_for, is_lapsed, time_left
from compass_desk.domain.fixes import (
    ACTIVATE_FIX,
    FULL_FIX,
    RESET_FIX,
    Finding,
    Fix,
    Severity,
    duration_text,
    when_text,
)
from compass_desk.domain.guides import Text
from compass_desk.domain.models import Phone, PhoneStatus, ProvisioningState

SOON = timedelta(days=1)  # "less than a day away" earns a warning
# Activated this recently and still online with its earlier settings: the reset is presumably on its
# way (normal). Activated longer ago and still in use: it was activated but not reset (suboptimal).
JUST_ACTIVATED = timedelta(days=1)


class Verdict(StrEnum):
    WORKING = "working"  # disabled, provisioned, registered
    AWAITING_RESET = "awaiting_reset"  # active within its window on a phone not yet provisioned
    SUBOPTIMAL = "suboptimal"  # active on a phone in use, provision, deprovision
    NOT_PROVISIONED = "not_provisioned"  # disabled, but never fetched its settings
    OFFLINE = "offline"  # disabled and provisioned before, not registered now
    LAPSED = "lapsed"  # active, but the weekly deadline passed before the phone visited the vendor
    UNKNOWN = "unknown"  # disabled, and the live status could not be read


@dataclass(frozen=True, slots=True)
class Diagnosis:
    verdict: Verdict
    findings: tuple[Finding, ...]
    deadline: datetime | None = None  # of the current activation, when there is one

    @property
    def headline(self) -> Text:
        return HEADLINES[self.verdict]

    @property
    def fix(self) -> tuple[Fix, ...]:
        """The fix sequence of the first finding that has one."""
        return next((f.fix for f in self.findings if f.fix), ())

    @property
    def next_fix(self) -> Fix | None:
        return self.fix[0] if self.fix else None

    @property
    def offer_activate(self) -> bool:
        return bool({Fix.ACTIVATE, Fix.REMOVE_AND_READD} & set(self.fix))

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    @property
    def needs_attention(self) -> bool:
        """The one "suboptimal" flag: the table filter, ``phones show`` and the details panel use it."""
        return self.verdict in NEEDS_ATTENTION

    def verdict_text(self, lang: str = "en") -> str:
        """The headline, with the deadline when the phone is ready for its reset."""
        if self.verdict is Verdict.AWAITING_RESET and self.deadline is not None:
            when = when_text(self.deadline)
            return Text(f"Ready for the factory reset, before {when.en}.",
                        f"Klaar voor de fabrieksreset, vóór {when.nl}.").get(lang)
        return self.headline.get(lang)

    def next_step(self, lang: str = "en") -> str:
        """The first step of the fix, or "" when nothing needs doing."""
        return self.next_fix.text.get(lang) if self.next_fix is not None else ""


HEADLINES: dict[Verdict, Text] = {
    Verdict.WORKING: Text("The phone is working normally.", "De telefoon werkt normaal."),
    Verdict.AWAITING_RESET: Text("Ready for the factory reset.", "Klaar voor de fabrieksreset."),
    Verdict.SUBOPTIMAL: Text(
        "The phone is in a suboptimal state.", "De telefoon staat in een suboptimale toestand."
    ),
    Verdict.NOT_PROVISIONED: Text(
        "The phone never got its settings from Compass.",
        "De telefoon heeft zijn instellingen nooit van Compass gekregen.",
    ),
    Verdict.OFFLINE: Text("The phone is offline.", "De telefoon is offline."),
    Verdict.LAPSED: Text(
        "The activation lapsed before the phone was reset.",
        "De activering is verlopen voordat de telefoon werd gereset.",
    ),
    Verdict.UNKNOWN: Text(
        "The phone's live status could not be read.",
        "De live status van de telefoon kon niet worden gelezen.",
    ),
}


# The verdicts that need someone's attention: the "Suboptimal" filter and every "suboptimal" flag.
NEEDS_ATTENTION = frozenset({Verdict.SUBOPTIMAL, Verdict.LAPSED, Verdict.NOT_PROVISIONED, Verdict.OFFLINE})


def just_activated(phone: Phone, now: datetime) -> bool:
    """Was provisioning by manufacturer activated less than :data:`JUST_ACTIVATED` ago?"""
    return phone.activated_at is not None and now - phone.activated_at < JUST_ACTIVATED


def verdict_changes_at(phone: Phone, now: datetime, cutoff: time = DEFAULT_CUTOFF) -> datetime | None:
    """When the clock alone may change *phone*'s verdict (its deadline, or the end of "just activated")."""
    if phone.provisioning is not ProvisioningState.ACTIVE or phone.activated_at is None:
        return None
    moments = [deadline_for(phone.activated_at, cutoff), phone.activated_at + JUST_ACTIVATED]
    return min((m for m in moments if m > now), default=None)


def ever_provisioned(status: PhoneStatus | None) -> bool:
    """Has the phone ever fetched its settings from Compass (or registered with them)?"""
    return status is not None and (status.last_provisioned_at is not None or status.registered_at is not None)


def activation_deadline(phone: Phone, cutoff: time = DEFAULT_CUTOFF) -> datetime | None:
    return deadline_for(phone.activated_at, cutoff) if phone.activated_at is not None else None


def diagnose(
    phone: Phone, status: PhoneStatus | None, now: datetime, cutoff: time = DEFAULT_CUTOFF
) -> Diagnosis:
    """Explain *phone*'s situation in order, with the fix for the first problem."""
    state = phone.provisioning
    online = status is not None and status.online
    ever = ever_provisioned(status)
    deadline = activation_deadline(phone, cutoff)
    findings: list[Finding] = []

    if state is ProvisioningState.ACTIVE:
        in_use = ever and online and not just_activated(phone, now)
        verdict = _active(findings, in_use, deadline, now)
    elif state is ProvisioningState.DISABLED:
        verdict = _disabled(findings, status, online, ever)
    else:
        verdict = Verdict.SUBOPTIMAL
        findings.append(_FAILED[state])

    if state is not ProvisioningState.DISABLED and ever:
        if online:
            waiting = verdict is Verdict.AWAITING_RESET
            findings.append(_ONLINE_UNTIL_RESET if waiting else _ONLINE_WITH_OLD_SETTINGS)
        else:
            findings.append(_OFFLINE_TOO)
    if status is None and state is not ProvisioningState.DISABLED:
        findings.append(_STATUS_UNKNOWN)
    return Diagnosis(verdict, tuple(findings), deadline if state is ProvisioningState.ACTIVE else None)


def _active(findings: list[Finding], in_use: bool, deadline: datetime | None, now: datetime) -> Verdict:
    if deadline is not None and is_lapsed(deadline, now):
        when = when_text(deadline)
        findings.append(
            Finding(
                "activation-lapsed",
                Severity.PROBLEM,
                Text(f"The activation lapsed on {when.en}.", f"De activering is verlopen op {when.nl}."),
                Text(
                    "The phone did not contact the manufacturer's provisioning service before the weekly "
                    "deadline, so its registration there was removed. A factory reset now will not bring it "
                    "to Compass.",
                    "De telefoon heeft vóór de wekelijkse deadline geen contact gemaakt met de "
                    "provisioningdienst van de fabrikant, dus de registratie daar is verwijderd. Een "
                    "fabrieksreset brengt hem nu niet naar Compass.",
                ),
                ACTIVATE_FIX,
            )
        )
        return Verdict.LAPSED
    if in_use:
        findings.append(
            Finding(
                "active-on-phone-in-use",
                Severity.PROBLEM,
                Text(
                    "Active on a phone that has been in use.",
                    "Staat op active, terwijl de telefoon al in gebruik was.",
                ),
                Text(
                    "The phone got its settings from Compass before and is online, but was activated more "
                    "than a day ago and not reset since. A phone in normal use should be disabled.",
                    "De telefoon kreeg eerder zijn instellingen van Compass en is online, maar is meer dan "
                    "een dag geleden geactiveerd en sindsdien niet gereset. Een telefoon die in gebruik is, "
                    "hoort op disabled te staan.",
                ),
                RESET_FIX,
            )
        )
        verdict = Verdict.SUBOPTIMAL
    else:
        findings.append(
            Finding(
                "awaiting-reset",
                Severity.INFO,
                Text(
                    "Registered at the manufacturer; waiting for the factory reset.",
                    "Geregistreerd bij de fabrikant; wacht op de fabrieksreset.",
                ),
                Text(
                    "Provisioning by manufacturer is active: after a factory reset the phone will be sent "
                    "to Compass and fetch its settings.",
                    "Provisioning door de fabrikant is actief: na een fabrieksreset wordt de telefoon naar "
                    "Compass gestuurd en haalt hij zijn instellingen op.",
                ),
                RESET_FIX,
            )
        )
        verdict = Verdict.AWAITING_RESET
    findings.append(deadline_finding(deadline, now))
    return verdict


def deadline_finding(deadline: datetime | None, now: datetime) -> Finding:
    """When the current activation lapses; a warning when that is less than a day away."""
    if deadline is None:
        return Finding(
            "deadline-unknown",
            Severity.WARNING,
            Text("The activation time is unknown.", "Het moment van activeren is onbekend."),
            Text(
                "Compass did not say when provisioning by manufacturer was activated, so the deadline "
                "cannot be shown. Press Activate again to be sure of a full window.",
                "Compass gaf niet door wanneer provisioning door de fabrikant is geactiveerd, dus de "
                "deadline is niet te tonen. Druk opnieuw op Activeren om zeker te zijn van een volledige "
                "periode.",
            ),
            (Fix.ACTIVATE,),
        )
    when, left = when_text(deadline), duration_text(time_left(deadline, now))
    soon = time_left(deadline, now) < SOON
    return Finding(
        "deadline-soon" if soon else "deadline",
        Severity.WARNING if soon else Severity.INFO,
        Text(f"Reset before {when.en}; {left.en} left.", f"Resetten vóór {when.nl}; nog {left.nl}."),
        Text(
            "After that, the registration at the manufacturer lapses and you must press Activate again. The "
            "platform may run a few hours later, but do not count on it.",
            "Daarna vervalt de registratie bij de fabrikant en moet je opnieuw op Activeren drukken. Het "
            "platform kan een paar uur later draaien, maar reken daar niet op.",
        ),
    )


def _disabled(findings: list[Finding], status: PhoneStatus | None, online: bool, ever: bool) -> Verdict:
    if status is None:
        findings.append(_STATUS_UNKNOWN)
        return Verdict.UNKNOWN
    if ever and online:
        findings.append(
            Finding(
                "working",
                Severity.OK,
                Text("Working normally.", "Werkt normaal."),
                Text(
                    "The phone gets its settings from Compass and is registered.",
                    "De telefoon krijgt zijn instellingen van Compass en is geregistreerd.",
                ),
            )
        )
        return Verdict.WORKING
    if ever:
        findings.append(
            Finding(
                "offline",
                Severity.PROBLEM,
                Text("Not registered now.", "Nu niet geregistreerd."),
                Text(
                    "The phone got its settings from Compass before, but is not registered now. It may be "
                    "switched off or disconnected, or this network may not let it reach Compass.",
                    "De telefoon kreeg eerder zijn instellingen van Compass, maar is nu niet geregistreerd. "
                    "Hij staat misschien uit of is losgekoppeld, of dit netwerk laat hem Compass niet "
                    "bereiken.",
                ),
                (Fix.CHECK_POWER_AND_NETWORK, Fix.REBOOT),
            )
        )
        return Verdict.OFFLINE
    findings.append(
        Finding(
            "disabled-never-provisioned",
            Severity.PROBLEM,
            Text(
                "Disabled, but the phone never fetched its settings.",
                "Staat op disabled, maar de telefoon heeft nooit zijn instellingen opgehaald.",
            ),
            Text(
                "Compass no longer asks the manufacturer to send this phone to Compass, yet the phone has "
                "never fetched its settings. It was probably reset while provisioning by manufacturer was "
                "not active, or after the weekly deadline.",
                "Compass vraagt de fabrikant niet meer om deze telefoon naar Compass te sturen, maar de "
                "telefoon heeft zijn instellingen nooit opgehaald. Waarschijnlijk is hij gereset terwijl "
                "provisioning door de fabrikant niet actief was, of na de wekelijkse deadline.",
            ),
            FULL_FIX,
        )
    )
    if online:
        findings.append(
            Finding(
                "online-without-compass-settings",
                Severity.INFO,
                Text(
                    "Registered without settings from Compass.",
                    "Geregistreerd zonder instellingen van Compass.",
                ),
                Text(
                    "The phone is registered, but Compass has no record of it fetching its settings; it may "
                    "have been set up by hand.",
                    "De telefoon is geregistreerd, maar Compass weet niet dat hij zijn instellingen heeft "
                    "opgehaald; misschien is hij met de hand ingesteld.",
                ),
            )
        )
    return Verdict.NOT_PROVISIONED


_FAILED = {
    ProvisioningState.PROVISION: Finding(
        "registration-failed",
        Severity.PROBLEM,
        Text(
            "Registering at the manufacturer failed (provision).",
            "Registreren bij de fabrikant is mislukt (provision).",
        ),
        Text(
            "Compass tried to register the phone at the manufacturer's provisioning service, but this "
            "failed, so a reset phone will not find Compass. The MAC address may still belong to another "
            "account at the manufacturer; the previous supplier must release it.",
            "Compass probeerde de telefoon te registreren bij de provisioningdienst van de fabrikant, maar "
            "dat is mislukt, dus een gereset toestel vindt Compass niet. Het MAC-adres hoort misschien nog "
            "bij een ander account bij de fabrikant; de vorige leverancier moet het vrijgeven.",
        ),
        FULL_FIX,
    ),
    ProvisioningState.DEPROVISION: Finding(
        "deregistration-failed",
        Severity.PROBLEM,
        Text(
            "Removing the registration at the manufacturer failed (deprovision).",
            "Het verwijderen van de registratie bij de fabrikant is mislukt (deprovision).",
        ),
        Text(
            "Compass tried to remove the phone's registration at the manufacturer's provisioning service, "
            "but this failed, so after a reset the phone may be sent to the wrong place.",
            "Compass probeerde de registratie van de telefoon bij de provisioningdienst van de fabrikant te "
            "verwijderen, maar dat is mislukt, dus na een reset kan de telefoon naar de verkeerde plek "
            "worden gestuurd.",
        ),
        FULL_FIX,
    ),
}
_ONLINE_WITH_OLD_SETTINGS = Finding(
    "online-with-earlier-settings",
    Severity.INFO,
    Text("The phone is online.", "De telefoon is online."),
    Text(
        "It still works with the settings it got earlier. Fix the state anyway, so that the next reset or "
        "move works.",
        "Hij werkt nog met de instellingen die hij eerder kreeg. Herstel de toestand toch, zodat de "
        "volgende reset of verhuizing werkt.",
    ),
)
_ONLINE_UNTIL_RESET = Finding(
    "online-until-reset",
    Severity.INFO,
    Text("The phone is online.", "De telefoon is online."),
    Text(
        "It keeps working with the settings it got earlier until the factory reset.",
        "Hij blijft werken met de instellingen die hij eerder kreeg, tot de fabrieksreset.",
    ),
)
_OFFLINE_TOO = Finding(
    "offline",
    Severity.WARNING,
    Text("Not registered now.", "Nu niet geregistreerd."),
    Text(
        "The phone got its settings from Compass before, but is not registered now.",
        "De telefoon kreeg eerder zijn instellingen van Compass, maar is nu niet geregistreerd.",
    ),
    (Fix.CHECK_POWER_AND_NETWORK,),
)
_STATUS_UNKNOWN = Finding(
    "status-unknown",
    Severity.WARNING,
    Text("The live status could not be read.", "De live status kon niet worden gelezen."),
    Text(
        "Whether the phone is online and has fetched its settings is unknown; this advice rests on the "
        "provisioning state alone.",
        "Of de telefoon online is en zijn instellingen heeft opgehaald, is onbekend; dit advies steunt "
        "alleen op de provisioningtoestand.",
    ),
    (Fix.READ_STATUS,),
)
