"""The words of the validation findings (validate.py), in every language the app speaks.

Fields in braces are filled with :meth:`Text.format`; values from the file (names, values, URLs)
go in as they are, so they read the same in every language.
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
CUSTOM_OVERRIDE = Text("custom setting {name} overrides line {line}",
                       "eigen instelling {name} gaat voor regel {line}")
REPEATED = Text("{name} is repeated (same value as line {line})",
                "{name} staat er nog een keer (dezelfde waarde als regel {line})")
SET_AGAIN = Text("{name} is set again (also at line {line}); the phone uses the last value",
                 "{name} wordt opnieuw ingesteld (ook op regel {line}); de telefoon gebruikt de "
                 "laatste waarde")
VLAN_RANGE = Text("{name} = {value}: a VLAN ID must be 1 to 4094 (0 for none)",
                  "{name} = {value}: een VLAN-ID moet 1 tot en met 4094 zijn (0 voor geen)")
PORT_RANGE = Text("{name} = {value}: a port must be a whole number from 1 to 65535",
                  "{name} = {value}: een poort moet een heel getal van 1 tot en met 65535 zijn")
UNKNOWN_FLAG = Text("{name} has an unknown permission flag {flag}",
                    "{name} heeft een onbekende rechtvlag {flag}")
CREDENTIAL_FLAG = Text("{name} is a credential with the '!' flag: once the user edits it, "
                       "provisioning cannot",
                       "{name} is een inloggegeven met de vlag '!': zodra de gebruiker het aanpast, kan "
                       "provisioning het niet meer wijzigen")
BOOLEAN_01 = Text("{name} = {value}: must be 0 (off) or 1 (on)",
                  "{name} = {value}: moet 0 (uit) of 1 (aan) zijn")
BOOLEAN_ON_OFF = Text("{name} = {value}: must be on or off",
                      "{name} = {value}: moet on (aan) of off (uit) zijn")
BOOLEAN_NEITHER = Text("{name} = {value}: looks like an on/off setting, but is neither",
                       "{name} = {value}: lijkt een aan/uit-instelling, maar is geen van beide")
HTTP_FORBIDDEN = Text("{name} uses plain http ({url}); provisioning and firmware must come over https",
                      "{name} gebruikt gewone http ({url}); provisioning en firmware moeten via https komen")
HTTP_SAFER = Text("{name} uses plain http ({url}) where https is safer",
                  "{name} gebruikt gewone http ({url}), terwijl https veiliger is")
FIRMWARE_NONE = Text("no firmware URL: the phone keeps its installed firmware (“Use installed firmware”)",
                     "geen firmware-URL: de telefoon houdt zijn geïnstalleerde firmware "
                     "(“Geïnstalleerde firmware gebruiken”)")
FIRMWARE_URL = Text("firmware URL present: the phone will be asked to install {url}",
                    "firmware-URL aanwezig: de telefoon krijgt het verzoek {url} te installeren")
