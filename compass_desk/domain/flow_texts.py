"""English and Dutch texts of the "Provision this phone" flow (:mod:`compass_desk.domain.reset_flow`)."""

from __future__ import annotations

from compass_desk.domain.fixes import Finding, Fix, Severity
from compass_desk.domain.guides import Text

MILESTONE_LABELS: dict[str, Text] = {
    "reset": Text("Phone reset", "Telefoon gereset"),
    "contacted_vendor": Text(
        "Contacted the manufacturer's service", "Contact met de dienst van de fabrikant"
    ),
    "fetched_settings": Text("Fetched its settings from Compass", "Instellingen opgehaald bij Compass"),
    "registered": Text("Registered and ready for calls", "Geregistreerd en klaar om te bellen"),
}

WAIT_HINT = Text(
    "Do not touch the phone until its display has been idle for about 30 seconds. It may restart several "
    "times while it fetches its settings (and perhaps new firmware).",
    "Raak de telefoon niet aan tot het display ongeveer 30 seconden rustig is. Hij kan een paar keer "
    "herstarten terwijl hij zijn instellingen (en misschien nieuwe firmware) ophaalt.",
)


def restarted(times: int) -> Text:
    en = "once" if times == 1 else f"{times} times"
    nl = "één keer" if times == 1 else f"{times} keer"
    return Text(
        f"The phone has restarted {en} so far; that is normal. Keep leaving it alone.",
        f"De telefoon is tot nu toe {nl} herstart; dat is normaal. Laat hem nog steeds met rust.",
    )


SUCCESS = Finding(
    "provisioned",
    Severity.OK,
    Text("The phone is provisioned.", "De telefoon is geprovisioned."),
    Text(
        "Provisioning by manufacturer reads disabled and the phone is online and registered: it gets its "
        "settings from Compass.",
        "Provisioning door de fabrikant staat op disabled en de telefoon is online en geregistreerd: hij "
        "krijgt zijn instellingen van Compass.",
    ),
)

# code → (headline, title, meaning); meanings may use {state}.
FAILURES: dict[str, tuple[Text, Text, Text]] = {
    "reset-while-not-active": (
        Text(
            "The phone was reset while provisioning by manufacturer was not active.",
            "De telefoon is gereset terwijl provisioning door de fabrikant niet actief was.",
        ),
        Text("Reset while not active ({state}).", "Gereset terwijl niet actief ({state})."),
        Text(
            "The manufacturer's service was not told to send this phone to Compass, so it starts without "
            "its settings and ends up in a suboptimal state. Fix the activation, then reset it again.",
            "De dienst van de fabrikant wist niet dat deze telefoon naar Compass moet, dus hij start zonder "
            "zijn instellingen en komt in een suboptimale toestand. Herstel de activering en reset hem "
            "daarna opnieuw.",
        ),
    ),
    "vendor-registration-failed": (
        Text(
            "Registering the phone at the manufacturer failed.",
            "Het registreren van de telefoon bij de fabrikant is mislukt.",
        ),
        Text("The state changed to {state} while waiting.", "De toestand werd {state} tijdens het wachten."),
        Text(
            "Compass could not keep the phone's registration at the manufacturer, so the reset phone will "
            "not be sent to Compass.",
            "Compass kon de registratie van de telefoon bij de fabrikant niet handhaven, dus de gereset "
            "telefoon wordt niet naar Compass gestuurd.",
        ),
    ),
    "deadline-passed-during-wait": (
        Text(
            "The weekly deadline passed before the phone contacted the manufacturer.",
            "De wekelijkse deadline verliep voordat de telefoon contact maakte met de fabrikant.",
        ),
        Text("Deadline passed while waiting.", "Deadline verlopen tijdens het wachten."),
        Text(
            "The registration at the manufacturer has lapsed, so the phone will not be sent to Compass. If "
            "it still shows up as disabled and registered, it made it just in time; otherwise Activate and "
            "reset it again.",
            "De registratie bij de fabrikant is vervallen, dus de telefoon wordt niet naar Compass "
            "gestuurd. Verschijnt hij toch als disabled en geregistreerd, dan was hij net op tijd; activeer "
            "en reset hem anders opnieuw.",
        ),
    ),
    "wait-timeout": (
        Text(
            "The phone did not finish provisioning in time.",
            "De telefoon is niet op tijd klaar met provisioning.",
        ),
        Text("No result after a long wait.", "Geen resultaat na lang wachten."),
        Text(
            "The phone has not become disabled, online and registered. It may still be busy (a firmware "
            "update takes a while), the reset may not have taken, or the network may block it. Keep "
            "waiting, or follow the steps below.",
            "De telefoon is niet disabled, online en geregistreerd geworden. Misschien is hij nog bezig "
            "(een firmware-update duurt even), is de reset niet gelukt, of blokkeert het netwerk hem. Wacht "
            "nog even, of volg de stappen hieronder.",
        ),
    ),
    "gave-up": (
        Text(
            "Stopped waiting before the phone was provisioned.",
            "Gestopt met wachten voordat de telefoon geprovisioned was.",
        ),
        Text("Waiting stopped.", "Wachten gestopt."),
        Text("This is what is known about the phone now.", "Dit is wat er nu over de telefoon bekend is."),
    ),
}


def failure(code: str, fix: tuple[Fix, ...], **values: str) -> Finding:
    _headline, title, meaning = FAILURES[code]
    return Finding(
        code,
        Severity.PROBLEM,
        title.format(**values),
        meaning.format(**values),
        fix,
    )
