"""The words of the validation findings (validate.py), in every language the app speaks.

File-level texts are constants (fields in braces filled with :meth:`Text.format`); the ones said
once per setting are functions. Values from the file (names, values, URLs) go in as they are, so
they read the same in every language.
"""

from __future__ import annotations

from compass_desk.domain.text import Text

EMPTY = Text("the file is empty: a phone would get no settings from it",
             "het bestand is leeg: een telefoon zou er geen instellingen uit halen")
NO_SETTINGS = Text("the file holds no settings: a phone would get nothing from it",
                   "er staan geen instellingen in het bestand: een telefoon zou er niets uit halen")
ONLY_NOT_KNOWN = Text("its only setting is not a known provisioning setting (such as {examples}); "
                      "is this a provisioning file?",
                      "de enige instelling is geen bekende provisioninginstelling (zoals {examples}); "
                      "is dit wel een provisioningbestand?")
NONE_KNOWN = Text("none of its {count} settings is a known provisioning setting (such as {examples}); "
                  "is this a provisioning file?",
                  "geen van de {count} instellingen is een bekende provisioninginstelling "
                  "(zoals {examples}); is dit wel een provisioningbestand?")
HEADER_MISSING = Text("the first line must be '{header}'; a Yealink phone ignores the file without it",
                      "de eerste regel moet '{header}' zijn; zonder die regel negeert een Yealink-telefoon "
                      "het bestand")
FIRMWARE_NONE = Text("no firmware URL: the phone keeps its installed firmware (“Use installed firmware”)",
                     "geen firmware-URL: de telefoon houdt zijn geïnstalleerde firmware "
                     "(“Geïnstalleerde firmware gebruiken”)")
FIRMWARE_URL = Text("firmware URL present: the phone will be asked to install {url}",
                    "firmware-URL aanwezig: de telefoon krijgt het verzoek {url} te installeren")


# One finding per setting: a file may hold thousands, so these are f-strings, not Text.format
# (which costs several times as much per call).
def custom_override(name: str, line: int) -> Text:
    return Text(f"custom setting {name} overrides line {line}",
                f"eigen instelling {name} gaat voor regel {line}")


def repeated(name: str, line: int) -> Text:
    return Text(f"{name} is repeated (same value as line {line})",
                f"{name} staat er nog een keer (dezelfde waarde als regel {line})")


def set_again(name: str, line: int) -> Text:
    return Text(f"{name} is set again (also at line {line}); the phone uses the last value",
                f"{name} wordt opnieuw ingesteld (ook op regel {line}); de telefoon gebruikt de "
                "laatste waarde")


def vlan_range(name: str, value: str) -> Text:
    return Text(f"{name} = {value}: a VLAN ID must be 1 to 4094 (0 for none)",
                f"{name} = {value}: een VLAN-ID moet 1 tot en met 4094 zijn (0 voor geen)")


def port_range(name: str, value: str) -> Text:
    return Text(f"{name} = {value}: a port must be a whole number from 1 to 65535",
                f"{name} = {value}: een poort moet een heel getal van 1 tot en met 65535 zijn")


def unknown_flag(name: str, flag: str) -> Text:
    return Text(f"{name} has an unknown permission flag {flag}",
                f"{name} heeft een onbekende rechtvlag {flag}")


def credential_flag(name: str) -> Text:
    return Text(f"{name} is a credential with the '!' flag: once the user edits it, provisioning cannot",
                f"{name} is een inloggegeven met de vlag '!': zodra de gebruiker het aanpast, kan "
                "provisioning het niet meer wijzigen")


def boolean_01(name: str, value: str) -> Text:
    return Text(f"{name} = {value}: must be 0 (off) or 1 (on)",
                f"{name} = {value}: moet 0 (uit) of 1 (aan) zijn")


def boolean_on_off(name: str, value: str) -> Text:
    return Text(f"{name} = {value}: must be on or off", f"{name} = {value}: moet on (aan) of off (uit) zijn")


def boolean_neither(name: str, value: str) -> Text:
    return Text(f"{name} = {value}: looks like an on/off setting, but is neither",
                f"{name} = {value}: lijkt een aan/uit-instelling, maar is geen van beide")


def http_forbidden(name: str, url: str) -> Text:
    return Text(f"{name} uses plain http ({url}); provisioning and firmware must come over https",
                f"{name} gebruikt gewone http ({url}); provisioning en firmware moeten via https komen")


def http_safer(name: str, url: str) -> Text:
    return Text(f"{name} uses plain http ({url}) where https is safer",
                f"{name} gebruikt gewone http ({url}), terwijl https veiliger is")


PER_SETTING = (custom_override, repeated, set_again, vlan_range, port_range, unknown_flag, credential_flag,
               boolean_01, boolean_on_off, boolean_neither, http_forbidden, http_safer)
