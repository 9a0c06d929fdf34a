"""The wizard's and troubleshooter's own words, in English and Dutch (the domain has the rest)."""

from __future__ import annotations

from compass_desk.domain.guides import Text

T: dict[str, Text] = {
    "window": Text("Provision this phone", "Deze telefoon provisionen"),
    "next": Text("&Next >", "&Volgende >"),
    "back": Text("< &Back", "< &Terug"),
    "finish": Text("&Finish", "&Voltooien"),
    "cancel": Text("Cancel", "Annuleren"),
    "close": Text("Close", "Sluiten"),
    # identify
    "identify.title": Text("1. Identify the phone", "1. Telefoon herkennen"),
    "identify.sub": Text(
        "Type or scan the MAC address from the sticker on the phone or its box.",
        "Typ of scan het MAC-adres van de sticker op de telefoon of de doos.",
    ),
    "mac": Text("MAC address", "MAC-adres"),
    "mac.placeholder": Text("e.g. 00:04:13:AA:BB:CC", "bijv. 00:04:13:AA:BB:CC"),
    "find": Text("&Find", "&Zoeken"),
    "looking": Text("Looking up the phone…", "Telefoon opzoeken…"),
    "name": Text("Name", "Naam"),
    "model": Text("Model", "Model"),
    "organisation": Text("Organisation", "Organisatie"),
    "environment": Text("Environment", "Omgeving"),
    "env.demo": Text("{env}  (demo)", "{env}  (demo)"),
    "state": Text("Provisioning by manufacturer", "Provisioning door fabrikant"),
    "live": Text("Live status", "Live status"),
    "online": Text("online", "online"),
    "offline": Text("offline", "offline"),
    "unknown": Text("unknown", "onbekend"),
    "status.unread": Text("could not be read", "kon niet worden gelezen"),
    "phone.box": Text("Phone", "Telefoon"),
    "not.found": Text(
        "There is no phone with MAC address {mac} in {env}. You can add it here.",
        "Er is geen telefoon met MAC-adres {mac} in {env}. Je kunt hem hier toevoegen.",
    ),
    "add.box": Text("Add this phone", "Deze telefoon toevoegen"),
    "vlan": Text("VLAN", "VLAN"),
    "vlan.none": Text("none", "geen"),
    "encryption": Text("Encryption", "Versleuteling"),
    "encryption.optional": Text("optional", "optioneel"),
    "encryption.mandatory": Text("mandatory", "verplicht"),
    "add": Text("&Add phone…", "Telefoon &toevoegen…"),
    "adding": Text("Adding the phone…", "Telefoon toevoegen…"),
    "add.confirm.title": Text("Add phone", "Telefoon toevoegen"),
    "add.confirm": Text(
        "Add phone “{name}” ({mac}, {model})\nto organisation “{org}”\non environment “{env}”?\n\n"
        "Compass registers it at the manufacturer at once (provisioning by manufacturer becomes active).",
        "Telefoon “{name}” ({mac}, {model}) toevoegen\naan organisatie “{org}”\nop omgeving “{env}”?\n\n"
        "Compass registreert hem meteen bij de fabrikant (provisioning door de fabrikant wordt actief).",
    ),
    "added": Text("The phone was added.", "De telefoon is toegevoegd."),
    "no.writable": Text(
        "You have no organisation with write access in this environment, so you cannot add a phone.",
        "Je hebt in deze omgeving geen organisatie met schrijfrechten, dus je kunt geen telefoon toevoegen.",
    ),
    "oui.unknown": Text(
        "The first part of this MAC address is not one Compass Desk knows for Snom or Yealink: check it.",
        "Het eerste deel van dit MAC-adres kent Compass Desk niet van Snom of Yealink: controleer het.",
    ),
    "oui.mismatch": Text(
        "This MAC address belongs to a {mac_vendor} phone, but the model is a {model_vendor}: choose the "
        "right model or check the MAC address.",
        "Dit MAC-adres hoort bij een {mac_vendor}-telefoon, maar het model is een {model_vendor}: kies het "
        "juiste model of controleer het MAC-adres.",
    ),
    "oui.ok": Text("The MAC address matches {vendor}.", "Het MAC-adres past bij {vendor}."),
    "name.missing": Text("Give the phone a name.", "Geef de telefoon een naam."),
    "organisation.choose": Text("Choose an organisation…", "Kies een organisatie…"),
    "model.choose": Text("Choose the model…", "Kies het model…"),
    "organisation.missing": Text("Choose the organisation.", "Kies de organisatie."),
    "model.missing": Text("Choose the model of the phone.", "Kies het model van de telefoon."),
    # pre-check
    "precheck.title": Text("2. Before the reset", "2. Voor de reset"),
    "precheck.sub": Text(
        "Provisioning by manufacturer must be active before you reset the phone.",
        "Provisioning door de fabrikant moet actief zijn voordat je de telefoon reset.",
    ),
    "activate": Text("&Activate", "&Activeren"),
    "activating": Text("Activating…", "Activeren…"),
    "activate.confirm.title": Text("Activate phone", "Telefoon activeren"),
    "activate.confirm": Text(
        "Activate provisioning by manufacturer for phone {phone}\nin organisation “{org}”\non environment "
        "“{env}”?\n\nThe phone must then be reset before the weekly deadline.",
        "Provisioning door de fabrikant activeren voor telefoon {phone}\nin organisatie “{org}”\nop omgeving "
        "“{env}”?\n\nDaarna moet de telefoon vóór de wekelijkse deadline worden gereset.",
    ),
    "activated": Text(
        "Activated. Provisioning by manufacturer is now {state}.",
        "Geactiveerd. Provisioning door de fabrikant staat nu op {state}.",
    ),
    "reread": Text("&Read again", "Opnieuw &lezen"),
    "reading": Text("Reading the phone's state…", "Toestand van de telefoon lezen…"),
    "already.reset": Text("The phone was already res&et", "De telefoon is al &gereset"),
    "already.reset.tip": Text(
        "Skip the steps: the phone has already been reset to factory defaults.",
        "Sla de stappen over: de telefoon is al teruggezet naar de fabrieksinstellingen.",
    ),
    "deadline": Text("Deadline", "Deadline"),
    "next.hint": Text(
        "Press Next to see the reset steps for this model.",
        "Druk op Volgende voor de resetstappen van dit model.",
    ),
    # reset
    "reset.title": Text("3. Reset to factory defaults", "3. Terugzetten naar fabrieksinstellingen"),
    "method": Text("Method", "Methode"),
    "unverified": Text("not confirmed", "niet bevestigd"),
    "step.of": Text("Step {n} of {total}", "Stap {n} van {total}"),
    "prev.step": Text("← Pre&vious step", "← V&orige stap"),
    "next.step": Text("Ne&xt step →", "Volgen&de stap →"),
    "display": Text("The display should show", "Het display hoort te tonen"),
    "trouble": Text("If not", "Zo niet"),
    "fallback": Text("If this method does not work", "Als deze methode niet werkt"),
    "manual": Text("Vendor manual", "Handleiding van de fabrikant"),
    "reset.sub": Text(
        "Follow the steps for the {model}. The highlighted key is the one to use.",
        "Volg de stappen voor de {model}. De gemarkeerde toets is de toets die je gebruikt.",
    ),
    "applies": Text("Applies to", "Geldt voor"),
    "other.methods": Text(
        "The other methods are in the Method list at the top of this page.",
        "De andere methodes staan in de lijst Methode, bovenaan deze pagina.",
    ),
    "next.method": Text(
        "The next method: choose “{method}” in the Method list at the top of this page.",
        "De volgende methode: kies “{method}” in de lijst Methode, bovenaan deze pagina.",
    ),
    "reset.done": Text("The phone is &reset >", "De telefoon is &gereset >"),
    "reset.last": Text(
        "When you have done all steps, press “The phone is reset”.",
        "Heb je alle stappen gedaan, druk dan op “De telefoon is gereset”.",
    ),
    "hold.free": Text("Keep {key} pressed.", "Houd {key} ingedrukt."),
    "countdown.start": Text("&Start countdown", "&Start aftellen"),
    "countdown.again": Text("&Start again", "Opnieuw &starten"),
    "countdown.ready": Text(
        "Keep {key} pressed for {s} seconds.", "Houd {key} {s} seconden ingedrukt."
    ),
    "countdown.running": Text("Keep {key} pressed… {s} s", "Houd {key} ingedrukt… {s} s"),
    "countdown.done": Text("Done: release {key}.", "Klaar: laat {key} los."),
    "illustration": Text("Keys to use: {keys}", "Te gebruiken toetsen: {keys}"),
    "illustration.none": Text("No particular key in this step.", "Geen bepaalde toets in deze stap."),
    # wait
    "wait.title": Text("4. Wait for the phone", "4. Wachten op de telefoon"),
    "wait.sub": Text(
        "Compass Desk follows the phone until it has its settings and is registered.",
        "Compass Desk volgt de telefoon tot hij zijn instellingen heeft en geregistreerd is.",
    ),
    "waiting.for": Text("Waiting for {t}.", "Al {t} aan het wachten."),
    "last.read": Text(
        "Last read at {at}: provisioning by manufacturer {state}, {online}.",
        "Laatst gelezen om {at}: provisioning door de fabrikant {state}, {online}.",
    ),
    "read.failed": Text(
        "Reading the phone failed ({why}); trying again.", "Lezen van de telefoon mislukt ({why}); opnieuw."
    ),
    "settling": Text(
        "Registered. Making sure the phone stays up (it may restart once more)…",
        "Geregistreerd. Even kijken of de telefoon blijft draaien (hij kan nog een keer herstarten)…",
    ),
    "give.up": Text("S&top waiting", "S&toppen met wachten"),
    "simulate": Text("Si&mulate the phone (demo)", "Telefoon si&muleren (demo)"),
    "simulate.tip": Text(
        "Demo: the simulated phone does its factory reset now.",
        "Demo: de gesimuleerde telefoon doet nu zijn fabrieksreset.",
    ),
    "simulated": Text(
        "The simulated phone was reset; watch the timeline.",
        "De gesimuleerde telefoon is gereset; volg de tijdlijn.",
    ),
    "pending": Text("waiting", "wacht"),
    "milestone.done": Text("{milestone}: done", "{milestone}: klaar"),
    "milestone.waiting": Text("{milestone}: waiting", "{milestone}: wacht hierop"),
    "milestone.later": Text("{milestone}: not yet", "{milestone}: nog niet"),
    "countdown": Text("Countdown", "Aftellen"),
    # result
    "result.title": Text("5. Result", "5. Resultaat"),
    "result.sub.ok": Text("The phone is ready for use.", "De telefoon is klaar voor gebruik."),
    "result.sub.fail": Text(
        "The phone is not provisioned yet. This is why, and what to do.",
        "De telefoon is nog niet geprovisioned. Dit is waarom, en wat je kunt doen.",
    ),
    "findings": Text("What Compass Desk found", "Wat Compass Desk vond"),
    "fix": Text("What to do next", "Wat nu te doen"),
    "severity.ok": Text("OK", "OK"),
    "severity.info": Text("Info", "Info"),
    "severity.warning": Text("Warning", "Waarschuwing"),
    "severity.problem": Text("Problem", "Probleem"),
    "retry": Text("&Try again", "&Opnieuw proberen"),
    "retry.tip": Text(
        "Back to the pre-check: activate if needed, then reset the phone again.",
        "Terug naar de controle: activeer zo nodig en reset de telefoon opnieuw.",
    ),
    "keep.waiting": Text("&Keep waiting", "&Blijven wachten"),
    # troubleshooter
    "why.title": Text("Why is this phone not working?", "Waarom werkt deze telefoon niet?"),
    "provision.this": Text("&Provision this phone…", "Deze telefoon &provisionen…"),
    "as.of": Text("State read at {at}.", "Toestand gelezen om {at}."),
    "saved.data": Text(
        "Saved data of {at}; Compass Desk is offline. The phone may have changed since.",
        "Opgeslagen gegevens van {at}; Compass Desk is offline. De telefoon kan sindsdien veranderd zijn.",
    ),
    "saved.status": Text("Status at that time", "Status op dat moment"),
}


def t(which: str, lang: str, /, **values: object) -> str:
    text = T[which].get(lang)
    return text.format(**values) if values else text
