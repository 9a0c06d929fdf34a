<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../compass_desk/gui/about_dialog.py" line="+39"/>
        <source>About %1</source>
        <translation>Over %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Install and support Snom and Yealink desk phones on the Compass cloud PBX.</source>
        <translation>Snom- en Yealink-bureautoestellen installeren en ondersteunen op de Compass-cloudcentrale.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version:</source>
        <translation>Versie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt %1, PySide6 %2</source>
        <translation>Qt %1, PySide6 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built with:</source>
        <translation>Gebouwd met:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python:</source>
        <translation>Python:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log files:</source>
        <translation>Logbestanden:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline cache:</source>
        <translation>Offline opslag:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings:</source>
        <translation>Instellingen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Libraries included and their licences</source>
        <translation>Meegeleverde bibliotheken en hun licenties</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Qt and Qt for Python are used under the GNU Lesser General Public License version 3; you may replace them with your own build of the same version.</source>
        <translation>Qt en Qt for Python worden gebruikt onder de GNU Lesser General Public License versie 3; je mag ze vervangen door je eigen build van dezelfde versie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open log folder</source>
        <translation>Logmap openen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open the folder</source>
        <translation>De map openen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not found</source>
        <translation>niet gevonden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>included</source>
        <translation>meegeleverd</translation>
    </message>
</context>
<context>
    <name>AuditForm</name>
    <message>
        <location filename="../../ui/audit_view.ui" line="+13"/>
        <source>Filter: any words (phone, MAC, user, action, outcome…)</source>
        <translation>Filter: willekeurige woorden (toestel, MAC, gebruiker, actie, resultaat…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter audit log</source>
        <translation>Auditlog filteren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;CSV exporteren…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Audit log entries</source>
        <translation>Regels van het auditlog</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../compass_desk/gui/audit_view.py" line="+26"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>activate</source>
        <translation>activeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reboot</source>
        <translation>herstarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add phone</source>
        <translation>telefoon toevoegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>firmware</source>
        <translation>firmware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>move (settings kept)</source>
        <translation>verplaatsen (instellingen behouden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>move by hand</source>
        <translation>met de hand verplaatsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undo move by hand</source>
        <translation>met de hand verplaatsen terugdraaien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reveal provisioning secrets</source>
        <translation>geheimen in provisioning tonen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>use installed firmware</source>
        <translation>geïnstalleerde firmware gebruiken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline copy</source>
        <translation>offline kopie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export audit log</source>
        <translation>Auditlog exporteren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 entries (newest %2 shown)</source>
        <translation>%1 regels (de nieuwste %2 getoond)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 entry</source>
        <translation>1 regel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 entries</source>
        <translation>%1 regels</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export failed: %1</source>
        <translation>Exporteren mislukt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported 1 entry to %2.</source>
        <translation>1 regel geëxporteerd naar %2.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exported %1 entries to %2.</source>
        <translation>%1 regels geëxporteerd naar %2.</translation>
    </message>
</context>
<context>
    <name>Browser</name>
    <message>
        <location filename="../../compass_desk/gui/browser.py" line="+109"/>
        <location line="+23"/>
        <source>Connecting to %1…</source>
        <translation>Verbinden met %1…</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Not signed in: no password for %1.</source>
        <translation>Niet aangemeld: geen wachtwoord voor %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+106"/>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Reading the live status of %1 phone…</source>
        <translation>De live status van %1 telefoon lezen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the live status of %1 phones…</source>
        <translation>De live status van %1 telefoons lezen…</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+37"/>
        <source>Refresh cancelled; the previous data is still shown.</source>
        <translation>Vernieuwen geannuleerd; de vorige gegevens blijven staan.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Refresh failed: %1</source>
        <translation>Vernieuwen mislukt: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed out: %1</source>
        <translation>Afgemeld: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Refreshed, but 1 organisation could not be loaded.</source>
        <translation>Vernieuwd, maar 1 organisatie kon niet worden geladen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refreshed, but %1 organisations could not be loaded.</source>
        <translation>Vernieuwd, maar %1 organisaties konden niet worden geladen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refreshed %1 phones in %2 organisations.</source>
        <translation>%1 telefoons in %2 organisaties vernieuwd.</translation>
    </message>
</context>
<context>
    <name>BulkMoveDialog</name>
    <message>
        <location filename="../../compass_desk/gui/bulk_move.py" line="+39"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MAC address</source>
        <translation>MAC-adres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+38"/>
        <source>Move %1 phones</source>
        <translation>%1 telefoons verplaatsen</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>waiting</source>
        <translation>wacht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The phones are moved with the API, one after another: they keep their settings and need no reset. Organisations where you only have read rights cannot be chosen.</source>
        <translation>De telefoons worden via de API verplaatst, de een na de ander: ze houden hun instellingen en hoeven niet gereset te worden. Organisaties waar je alleen leesrechten hebt, kun je niet kiezen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move to:</source>
        <translation>Verplaatsen naar:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Retry the failed ones</source>
        <translation>Mislukte opnieuw proberen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 — read-only</source>
        <translation>%1 — alleen lezen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You have read-only rights here.</source>
        <translation>Je hebt hier alleen leesrechten.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>You have read-only rights on every organisation, so no phone can be moved.</source>
        <translation>Je hebt op elke organisatie alleen leesrechten, dus er kan geen telefoon worden verplaatst.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move phones</source>
        <translation>Telefoons verplaatsen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Moving to %1…</source>
        <translation>Verplaatsen naar %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>… and %1 more</source>
        <translation>… en nog %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move %1 phone to organisation “%2” on environment “%3”?</source>
        <translation>%1 telefoon verplaatsen naar organisatie “%2” op omgeving “%3”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move %1 phones to organisation “%2” on environment “%3”?</source>
        <translation>%1 telefoons verplaatsen naar organisatie “%2” op omgeving “%3”?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Unknown: %1</source>
        <translation>Onbekend: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not moved (stopped).</source>
        <translation>Niet verplaatst (gestopt).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopped. The phones moved so far stay moved; refresh to see where each one is.</source>
        <translation>Gestopt. De telefoons die al verplaatst zijn, blijven verplaatst; vernieuw om te zien waar elke telefoon staat.</translation>
    </message>
</context>
<context>
    <name>CacheView</name>
    <message>
        <location filename="../../compass_desk/gui/cache_view.py" line="+51"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetched</source>
        <translation>Opgehaald</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passwords</source>
        <translation>Wachtwoorden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <location filename="../../compass_desk/gui/offline_copy.py" line="+33"/>
        <source>none in the file</source>
        <translation>geen in het bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>encrypted</source>
        <translation>versleuteld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not kept</source>
        <translation>niet bewaard</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min ago</source>
        <translation>%1 min geleden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h ago</source>
        <translation>%1 uur geleden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 days ago</source>
        <translation>%1 dagen geleden</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+4"/>
        <source>Offline copy</source>
        <translation>Offline kopie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No offline copy of this phone&apos;s provisioning file is stored; it is kept the next time the file is viewed online.</source>
        <translation>Er is geen offline kopie van het provisioningbestand van deze telefoon bewaard; die wordt bewaard zodra je het bestand online bekijkt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Offline copy, fetched %1 (%2).</source>
        <translation>Offline kopie, opgehaald op %1 (%2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 Its passwords cannot be shown: the key to decrypt them is no longer in the keyring.</source>
        <translation>%1 De wachtwoorden erin kunnen niet worden getoond: de sleutel om ze te ontsleutelen staat niet meer in de sleutelbos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 Its passwords were not kept, because no secure keyring was available.</source>
        <translation>%1 De wachtwoorden erin zijn niet bewaard, omdat er geen veilige sleutelbos was.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline copy of the provisioning file of %1</source>
        <translation>Offline kopie van het provisioningbestand van %1</translation>
    </message>
</context>
<context>
    <name>CacheViewDialog</name>
    <message>
        <location filename="../../compass_desk/gui/cache_view.py" line="+33"/>
        <source>Offline cache</source>
        <translation>Offline opslag</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Provisioning files fetched earlier, kept on this computer so you can read them without a connection. Passwords in them are stored encrypted, never in plain text.</source>
        <translation>Eerder opgehaalde provisioningbestanden, bewaard op deze computer zodat je ze zonder verbinding kunt lezen. Wachtwoorden erin worden versleuteld bewaard, nooit als leesbare tekst.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the offline cache…</source>
        <translation>Offline opslag lezen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the stored copy in the provisioning viewer</source>
        <translation>De bewaarde kopie in de provisioningviewer tonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear organisation…</source>
        <translation>Organisatie wissen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear all…</source>
        <translation>Alles wissen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Organisation:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>1 provisioning file</source>
        <translation>1 provisioningbestand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 provisioning files</source>
        <translation>%1 provisioningbestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2, %3 of at most %4.</source>
        <translation>%1 van %2, %3 van maximaal %4.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Phone list of %1: %2, %3, fetched %4.</source>
        <translation>Telefoonlijst van %1: %2, %3, opgehaald %4.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 phone</source>
        <translation>1 telefoon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 phones</source>
        <translation>%1 telefoons</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All organisations (%1)</source>
        <translation>Alle organisaties (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 (%3, newest %4)</source>
        <translation>%1 · %2 (%3, nieuwste %4)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>1 organisation</source>
        <translation>1 organisatie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 organisations</source>
        <translation>%1 organisaties</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 file</source>
        <translation>1 bestand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 files</source>
        <translation>%1 bestanden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove the stored provisioning file of %2 (%3)? You need a connection to fetch it again.</source>
        <translation>Het bewaarde provisioningbestand van %2 (%3) verwijderen? Je hebt een verbinding nodig om het opnieuw op te halen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the %1 stored provisioning files of %2 (%3)? You need a connection to fetch them again.</source>
        <translation>De %1 bewaarde provisioningbestanden van %2 (%3) verwijderen? Je hebt een verbinding nodig om ze opnieuw op te halen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Removed 1 file of %2.</source>
        <translation>1 bestand van %2 verwijderd.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Removed %1 files of %2.</source>
        <translation>%1 bestanden van %2 verwijderd.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove the stored provisioning file and the stored phone lists? You need a connection to fetch them again.</source>
        <translation>Het bewaarde provisioningbestand en de bewaarde telefoonlijsten verwijderen? Je hebt een verbinding nodig om ze opnieuw op te halen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove all %1 stored provisioning files and the stored phone lists? You need a connection to fetch them again.</source>
        <translation>Alle %1 bewaarde provisioningbestanden en de bewaarde telefoonlijsten verwijderen? Je hebt een verbinding nodig om ze opnieuw op te halen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Removed 1 file and the phone lists.</source>
        <translation>1 bestand en de telefoonlijsten verwijderd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed all %1 files and the phone lists.</source>
        <translation>Alle %1 bestanden en de telefoonlijsten verwijderd.</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Nothing is stored yet. Viewing a phone&apos;s provisioning file keeps a copy; Prepare site visit keeps a whole organisation&apos;s.</source>
        <translation>Er is nog niets bewaard. Als je het provisioningbestand van een telefoon bekijkt, wordt er een kopie bewaard; Bezoek ter plaatse voorbereiden bewaart die van een hele organisatie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 Passwords are not kept: %2</source>
        <translation>%1 Wachtwoorden worden niet bewaard: %2</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Clear organisation</source>
        <translation>Organisatie wissen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Clear all</source>
        <translation>Alles wissen</translation>
    </message>
</context>
<context>
    <name>ColumnLayout</name>
    <message>
        <location filename="../../compass_desk/gui/phone_table.py" line="+186"/>
        <source>Fit columns to the window</source>
        <translation>Kolommen aan het venster aanpassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default columns</source>
        <translation>Standaardkolommen</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../compass_desk/gui/move_wizard.py" line="+203"/>
        <source>Confirm the move</source>
        <translation>Verplaatsing bevestigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been changed yet.</source>
        <translation>Er is nog niets gewijzigd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move</source>
        <translation>Verplaatsen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phone:</source>
        <translation>Telefoon:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From:</source>
        <translation>Van:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To:</source>
        <translation>Naar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment:</source>
        <translation>Omgeving:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;b&gt;What moving by hand means for this phone:&lt;/b&gt;&lt;ul&gt;%1&lt;/ul&gt;Everything is saved in the local journal first, so the phone can be put back.</source>
        <translation>&lt;b&gt;Wat met de hand verplaatsen betekent voor deze telefoon:&lt;/b&gt;&lt;ul&gt;%1&lt;/ul&gt;Alles wordt eerst in het lokale logboek bewaard, zodat de telefoon terug kan worden gezet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The phone keeps all its settings and needs no reset; the new organisation&apos;s name should appear on its display almost at once.</source>
        <translation>De telefoon houdt al zijn instellingen en hoeft niet gereset te worden; de naam van de nieuwe organisatie hoort vrijwel meteen op het display te verschijnen.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../compass_desk/gui/details_panel.py" line="+35"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (not a version Compass Desk can decode)</source>
        <translation>%1 (geen versie die Compass Desk kan ontcijferen)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>lapsed</source>
        <translation>verlopen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 left</source>
        <translation>nog %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>optional</source>
        <translation>optioneel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mandatory</source>
        <translation>verplicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selected firmware</source>
        <translation>Gekozen firmware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Encryption</source>
        <translation>Versleuteling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expansion modules</source>
        <translation>Uitbreidingsmodules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged-in user</source>
        <translation>Aangemelde gebruiker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Private IP</source>
        <translation>Privé-IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public IP</source>
        <translation>Publiek IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Installed firmware</source>
        <translation>Geïnstalleerde firmware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User agent</source>
        <translation>User-agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registered</source>
        <translation>Geregistreerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last provisioned</source>
        <translation>Laatst geprovisioned</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live status</source>
        <translation>Live status</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phone details</source>
        <translation>Telefoongegevens</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+107"/>
        <source>No phone selected</source>
        <translation>Geen telefoon gekozen</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+102"/>
        <source>Select a phone in the table, or scan its MAC into the search box.</source>
        <translation>Kies een telefoon in de tabel, of scan het MAC-adres in het zoekvak.</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Provisioning by manufacturer</source>
        <translation>Provisioning door fabrikant</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why is this phone not working?</source>
        <translation>Waarom werkt deze telefoon niet?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Activate</source>
        <translation>Activeren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reboot</source>
        <translation>Herstarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move…</source>
        <translation>Verplaatsen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>View provisioning</source>
        <translation>Provisioning bekijken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware…</source>
        <translation>Firmware…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision this phone…</source>
        <translation>Deze telefoon provisionen…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Use installed firmware</source>
        <translation>Geïnstalleerde firmware gebruiken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name of this user is not known: this account may not read it, or it was not read yet. Shown is the end of the user&apos;s address in Compass.</source>
        <translation>De naam van deze gebruiker is niet bekend: dit account mag hem niet lezen, of hij is nog niet gelezen. Je ziet het einde van het adres van de gebruiker in Compass.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 phones selected</source>
        <translation>%1 telefoons geselecteerd</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1 organisations</source>
        <translation>In %1 organisaties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions for one phone are off; Move works on all of them.</source>
        <translation>Acties voor één telefoon staan uit; Verplaatsen werkt voor allemaal.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown (not read yet)</source>
        <translation>onbekend (nog niet gelezen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;Next:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Volgende stap:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;b&gt;Reset before %1&lt;/b&gt; (Amsterdam time): %2.</source>
        <translation>&lt;b&gt;Resetten vóór %1&lt;/b&gt; (Amsterdamse tijd): %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 The platform may deregister a little later (up to 03:00).</source>
        <translation>%1 Het platform kan iets later uitschrijven (tot 03:00).</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../compass_desk/gui/diagnostics.py" line="+62"/>
        <source>Diagnostics for support</source>
        <translation>Diagnose voor de supportafdeling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste this into your support ticket. It is in English for the support team and holds no passwords; secrets in the log lines are replaced by ***.</source>
        <translation>Plak dit in je supportmelding. Het is in het Engels, voor het supportteam, en er staan geen wachtwoorden in; geheimen in de logregels zijn vervangen door ***.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy to clipboard</source>
        <translation>Naar klembord kopiëren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied. Paste it into your support ticket.</source>
        <translation>Gekopieerd. Plak het in je supportmelding.</translation>
    </message>
</context>
<context>
    <name>EnvSwitchDialog</name>
    <message>
        <location filename="../../compass_desk/gui/move_env.py" line="+82"/>
        <source>Use this phone on %1</source>
        <translation>Deze telefoon gebruiken op %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phone %1. %2</source>
        <translation>Telefoon %1. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (now)</source>
        <translation>%1 (nu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add it on %1 to:</source>
        <translation>Toevoegen op %1 aan:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+84"/>
        <source>Use on %1</source>
        <translation>Gebruiken op %1</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Open the factory-reset guide</source>
        <translation>De handleiding voor de fabrieksreset openen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading both environments…</source>
        <translation>Beide omgevingen lezen…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 could not be read: %2</source>
        <translation>%1 kon niet worden gelezen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The MAC address already exists on %1; it only needs to be activated there.</source>
        <translation>Het MAC-adres bestaat al op %1; het hoeft daar alleen geactiveerd te worden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have read-only rights on every organisation of %1, so the phone cannot be added there.</source>
        <translation>Je hebt op elke organisatie van %1 alleen leesrechten, dus de telefoon kan daar niet worden toegevoegd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone is not on %1 yet; it will be added with the same model and properties, then activated.</source>
        <translation>De telefoon staat nog niet op %1; hij wordt toegevoegd met hetzelfde model en dezelfde eigenschappen en daarna geactiveerd.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No organisation on %1 has exactly the same name; choose the one to add it to.</source>
        <translation>Geen organisatie op %1 heeft precies dezelfde naam; kies de organisatie waaraan je hem toevoegt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Use in “%1” on %2</source>
        <translation>Gebruiken in “%1” op %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Use phone “%1” (%2) in organisation “%3” on environment “%4”?

It is added there if needed and activated; it stays on %5 as it is.</source>
        <translation>Telefoon “%1” (%2) gebruiken in organisatie “%3” op omgeving “%4”?

Hij wordt daar zo nodig toegevoegd en geactiveerd; op %5 blijft hij zoals hij is.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use phone “%1” (%2) on environment “%4”?

It is activated there; it stays on %5 as it is.</source>
        <translation>Telefoon “%1” (%2) gebruiken op omgeving “%4”?

Hij wordt daar geactiveerd; op %5 blijft hij zoals hij is.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use on another environment</source>
        <translation>Op een andere omgeving gebruiken</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preparing the phone for %1…</source>
        <translation>De telefoon voorbereiden voor %1…</translation>
    </message>
</context>
<context>
    <name>EnvironmentsDialog</name>
    <message>
        <location filename="../../compass_desk/gui/environments_dialog.py" line="+44"/>
        <source>Remove environment</source>
        <translation>Omgeving verwijderen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the environment “%1” and its saved password?</source>
        <translation>De omgeving “%1” en het bewaarde wachtwoord verwijderen?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Environments</source>
        <translation>Omgevingen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No secure keyring was found.</source>
        <translation>Er is geen veilige sleutelbos gevonden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ %1 The password you type here is used for this session only.</source>
        <translation>⚠ %1 Het wachtwoord dat je hier typt, geldt alleen voor deze sessie.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Fill in the fields, test the connection, then save.</source>
        <translation>Vul de velden in, test de verbinding en sla dan op.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Save this environment</source>
        <translation>Deze omgeving opslaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the connection first</source>
        <translation>Test eerst de verbinding</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the password to test the connection.</source>
        <translation>Typ het wachtwoord om de verbinding te testen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting to %1…</source>
        <translation>Verbinden met %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connected as %1; one organisation visible.</source>
        <translation>Verbonden als %1; één organisatie zichtbaar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected as %1; %2 organisations visible.</source>
        <translation>Verbonden als %1; %2 organisaties zichtbaar.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Test the connection first.</source>
        <translation>Test eerst de verbinding.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>✔ Saved; the password is in the system keyring.</source>
        <translation>✔ Opgeslagen; het wachtwoord staat in de sleutelbos van het systeem.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved, but the password could not go into the keyring: %1 It is kept for this session only.</source>
        <translation>Opgeslagen, maar het wachtwoord kon niet in de sleutelbos: %1 Het wordt alleen voor deze sessie bewaard.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved. The password is kept for this session only (no secure keyring).</source>
        <translation>Opgeslagen. Het wachtwoord wordt alleen voor deze sessie bewaard (geen veilige sleutelbos).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate authority bundle</source>
        <translation>Bundel van certificaatautoriteiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificaten (*.pem *.crt *.cer);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>EnvironmentsForm</name>
    <message>
        <location filename="../../ui/environments_dialog.ui" line="+15"/>
        <source>Environment profiles</source>
        <translation>Omgevingsprofielen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. production</source>
        <translation>bijv. productie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>https://rest.example.com</source>
        <translation>https://rest.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;User name:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept in the system keyring, never in a file</source>
        <translation>bewaard in de sleutelbos van het systeem, nooit in een bestand</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;CA bundle:</source>
        <translation>CA-&amp;bundel:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>optional: extra certificate authority (.pem)</source>
        <translation>optioneel: extra certificaatautoriteit (.pem)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA bundle</source>
        <translation>CA-bundel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connection test result</source>
        <translation>Resultaat van de verbindingstest</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Test connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the connection first</source>
        <translation>Test eerst de verbinding</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../compass_desk/gui/provisioning_editor.py" line="+188"/>
        <source>Find:</source>
        <translation>Zoeken:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text to find</source>
        <translation>tekst om te zoeken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous</source>
        <translation>Vorige</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
</context>
<context>
    <name>FirmwareChoices</name>
    <message>
        <location filename="../../compass_desk/gui/firmware_choices.py" line="+43"/>
        <source>Firmware Compass sends to the phone:</source>
        <translation>Firmware die Compass naar de telefoon stuurt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware Compass sends to the phones:</source>
        <translation>Firmware die Compass naar de telefoons stuurt:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firmware choices</source>
        <translation>Firmwarekeuzes</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 — selected for %2</source>
        <translation>%1 — gekozen voor %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — selected now</source>
        <translation>%1 — nu gekozen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose a certified version, or keep the installed firmware.</source>
        <translation>Kies een gecertificeerde versie, of houd de geïnstalleerde firmware.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Already chosen: nothing to change.</source>
        <translation>Al gekozen: niets te wijzigen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 of %3 phones would change.</source>
        <translation>%1 %2 van de %3 telefoons zouden veranderen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Needs a second confirmation:
%1</source>
        <translation>Vraagt een tweede bevestiging:
%1</translation>
    </message>
</context>
<context>
    <name>FirmwareDialog</name>
    <message>
        <location filename="../../compass_desk/gui/firmware_dialog.py" line="+45"/>
        <source>This change needs a second confirmation:

%1</source>
        <translation>Deze wijziging vraagt een tweede bevestiging:

%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change anyway</source>
        <translation>Toch wijzigen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Firmware for %1 in %2</source>
        <translation>Firmware voor %1 in %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Firmware for %1</source>
        <translation>Firmware voor %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Firmware for all %1 phones of this model in %2</source>
        <translation>Firmware voor alle %1 telefoons van dit model in %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware for all %1 phones of this model</source>
        <translation>Firmware voor alle %1 telefoons van dit model</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Firmware — %1</source>
        <translation>Firmware — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware for a model</source>
        <translation>Firmware voor een model</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the certified versions and the installed firmware…</source>
        <translation>De gecertificeerde versies en de geïnstalleerde firmware lezen…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>All %1 phones of this model…</source>
        <translation>Alle %1 telefoons van dit model…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply</source>
        <translation>Toepassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry failures</source>
        <translation>Mislukte opnieuw proberen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start no further phones; those in progress finish and are reported.</source>
        <translation>Begin aan geen nieuwe telefoons; de telefoons die al bezig zijn, worden afgemaakt en gemeld.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading certified firmware</source>
        <translation>Gecertificeerde firmware lezen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>not reported by the phone yet</source>
        <translation>nog niet door de telefoon gemeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed: %1</source>
        <translation>Geïnstalleerd: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Firmware for all %1 %2 phones in %3</source>
        <translation>Firmware voor alle %1 %2-telefoons in %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware for all %1 %2 phones</source>
        <translation>Firmware voor alle %1 %2-telefoons</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 phones, %3 reported their installed firmware.</source>
        <translation>%1: %2 telefoons, %3 meldden hun geïnstalleerde firmware.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 Compass lists no certified firmware for this model, so only the installed firmware can be kept.</source>
        <translation>%1 Compass heeft geen gecertificeerde firmware voor dit model, dus je kunt alleen de geïnstalleerde firmware houden.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 phones</source>
        <translation>%1 telefoons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the firmware of %1 to %2?

%3</source>
        <translation>De firmware van %1 instellen op %2?

%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the installed firmware of %1?

%3</source>
        <translation>De geïnstalleerde firmware van %1 houden?

%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change firmware</source>
        <translation>Firmware wijzigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Risky firmware change</source>
        <translation>Riskante firmwarewijziging</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not changed.</source>
        <translation>Niet gewijzigd.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Working…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stopping: phones already sent are finished and reported…</source>
        <translation>Stoppen: telefoons die al verstuurd zijn, worden afgemaakt en gemeld…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 Changed: %2.</source>
        <translation>%1 Gewijzigd: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 Nothing was changed.</source>
        <translation>%1 Er is niets gewijzigd.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to this environment to choose firmware.</source>
        <translation>Meld je aan bij deze omgeving om firmware te kiezen.</translation>
    </message>
</context>
<context>
    <name>FirmwareOverview</name>
    <message>
        <location filename="../../compass_desk/gui/firmware_overview.py" line="+38"/>
        <location line="+11"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Phones</source>
        <translation>Telefoons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed versions</source>
        <translation>Geïnstalleerde versies</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Latest certified</source>
        <translation>Nieuwste gecertificeerde</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Behind</source>
        <translation>Achter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Openstaand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installed</source>
        <translation>Geïnstalleerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected</source>
        <translation>Gekozen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Behind latest</source>
        <translation>Achter op nieuwste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending or failed</source>
        <translation>Openstaand of mislukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All phones</source>
        <translation>Alle telefoons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behind the latest certified version</source>
        <translation>Achter op de nieuwste gecertificeerde versie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending or failed upgrade</source>
        <translation>Openstaande of mislukte upgrade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed firmware not reported</source>
        <translation>Geïnstalleerde firmware niet gemeld</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export firmware overview</source>
        <translation>Firmwareoverzicht exporteren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware overview</source>
        <translation>Firmwareoverzicht</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>Sign in to this environment to read firmware.</source>
        <translation>Meld je aan bij deze omgeving om de firmware te lezen.</translation>
    </message>
</context>
<context>
    <name>FirmwareOverviewDialog</name>
    <message>
        <location line="-174"/>
        <source>Firmware overview — %1</source>
        <translation>Firmwareoverzicht — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the phones of %1 and their installed firmware…</source>
        <translation>De telefoons van %1 en hun geïnstalleerde firmware lezen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show phones</source>
        <translation>Telefoons tonen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Reading live status: %1 of %2 phones…</source>
        <translation>Live status lezen: %1 van %2 telefoons…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2 phones, %3 behind the latest certified version, %4 with a pending or failed upgrade (installed differs from selected); %5 has not reported the installed firmware.</source>
        <translation>%1: %2 telefoons, %3 achter op de nieuwste gecertificeerde versie, %4 met een openstaande of mislukte upgrade (geïnstalleerd wijkt af van gekozen); %5 heeft de geïnstalleerde firmware niet gemeld.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 phones, %3 behind the latest certified version, %4 with a pending or failed upgrade (installed differs from selected); %5 have not reported the installed firmware.</source>
        <translation>%1: %2 telefoons, %3 achter op de nieuwste gecertificeerde versie, %4 met een openstaande of mislukte upgrade (geïnstalleerd wijkt af van gekozen); %5 hebben de geïnstalleerde firmware niet gemeld.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none certified</source>
        <translation>geen gecertificeerd</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>not reported</source>
        <translation>niet gemeld</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export firmware overview</source>
        <translation>Firmwareoverzicht exporteren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1: %2.</source>
        <translation>Kon %1 niet schrijven: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1 phones to %2.</source>
        <translation>%1 telefoons geëxporteerd naar %2.</translation>
    </message>
</context>
<context>
    <name>FirmwarePhones</name>
    <message>
        <location filename="../../compass_desk/gui/firmware_phones.py" line="+16"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed</source>
        <translation>Geïnstalleerd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selected</source>
        <translation>Gekozen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../compass_desk/gui/first_run.py" line="+53"/>
        <source>Welcome to %1</source>
        <translation>Welkom bij %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 helps you install and support Snom and Yealink desk phones on the Compass cloud PBX. Find a phone by its MAC address, see where it is in provisioning, and fix what is stuck in a few clicks.</source>
        <translation>%1 helpt je Snom- en Yealink-bureautoestellen te installeren en te ondersteunen op de Compass-cloudcentrale. Zoek een toestel op zijn MAC-adres, zie hoe ver het met de provisioning is en los in een paar klikken op wat vastzit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To begin, add the Compass environment you work with, or look around in the demo first.</source>
        <translation>Voeg om te beginnen de Compass-omgeving toe waarmee je werkt, of kijk eerst rond in de demo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add environment…</source>
        <translation>Omgeving toevoegen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try the demo</source>
        <translation>Probeer de demo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens a second window on built-in simulated servers; no real phones are changed.</source>
        <translation>Opent een tweede venster met ingebouwde gesimuleerde servers; er worden geen echte toestellen gewijzigd.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a provisioning file…</source>
        <translation>Provisioningbestand openen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read a .cfg or .xml file from disk, with its secrets hidden; no account needed.</source>
        <translation>Lees een .cfg- of .xml-bestand van schijf, met de geheimen verborgen; geen account nodig.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open a provisioning file</source>
        <translation>Provisioningbestand openen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provisioning files (%1);;All files (*)</source>
        <translation>Provisioningbestanden (%1);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>Launchers</name>
    <message>
        <location filename="../../compass_desk/gui/launchers.py" line="+33"/>
        <source>Provisioning files (*.cfg *.xml *.boot *.txt *.conf);;All files (*)</source>
        <translation>Provisioningbestanden (*.cfg *.xml *.boot *.txt *.conf);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No phone with MAC %1 is in any organisation of %2.

Add it to an organisation and provision it now?</source>
        <translation>Er is geen telefoon met MAC %1 in een organisatie van %2.

Wil je hem nu aan een organisatie toevoegen en provisionen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone not found</source>
        <translation>Telefoon niet gevonden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provision this phone…</source>
        <translation>Deze telefoon provisionen…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open provisioning file</source>
        <translation>Provisioningbestand openen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose two provisioning files to compare</source>
        <translation>Kies twee provisioningbestanden om te vergelijken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare %1 with…</source>
        <translation>%1 vergelijken met…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare two files</source>
        <translation>Twee bestanden vergelijken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose exactly two files to compare.</source>
        <translation>Kies precies twee bestanden om te vergelijken.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+3"/>
        <source>Cannot open file</source>
        <translation>Bestand kan niet worden geopend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot be opened: %2.</source>
        <translation>%1 kan niet worden geopend: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot compare</source>
        <translation>Kan niet vergelijken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a provisioning file Compass Desk can read: %2</source>
        <translation>%1 is geen provisioningbestand dat Compass Desk kan lezen: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sign in to this environment to prepare a site visit.</source>
        <translation>Meld je aan bij deze omgeving om een bezoek ter plaatse voor te bereiden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prepare site visit</source>
        <translation>Bezoek ter plaatse voorbereiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>The offline cache cannot be opened; see the log.</source>
        <translation>De offline opslag kan niet worden geopend; zie het logbestand.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Offline cache</source>
        <translation>Offline opslag</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Sign in to this environment to provision a phone.</source>
        <translation>Meld je aan bij deze omgeving om een telefoon te provisionen.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose an organisation first.</source>
        <translation>Kies eerst een organisatie.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The audit log is not available.</source>
        <translation>Het auditlog is niet beschikbaar.</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../compass_desk/gui/menus.py" line="+28"/>
        <source>&amp;Activate…</source>
        <translation>&amp;Activeren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reboot…</source>
        <translation>&amp;Herstarten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View &amp;provisioning</source>
        <translation>&amp;Provisioning bekijken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Firmware…</source>
        <translation>&amp;Firmware…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+120"/>
        <source>&amp;Move…</source>
        <translation>&amp;Verplaatsen…</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Provision this p&amp;hone…</source>
        <translation>Deze telefoon p&amp;rovisionen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk through adding, activating and factory-resetting a phone; with no phone selected, type or scan its MAC on the first page.</source>
        <translation>Loop stap voor stap door het toevoegen, activeren en terugzetten naar de fabrieksinstellingen van een telefoon; is er geen telefoon gekozen, typ of scan dan het MAC-adres op de eerste pagina.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Why is this phone not working?</source>
        <translation>&amp;Waarom werkt deze telefoon niet?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explain the phone&apos;s state, live status and deadline, and offer the fix.</source>
        <translation>Legt de toestand, de live status en de deadline van de telefoon uit, en biedt de oplossing aan.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open provisioning file…</source>
        <translation>Provisioningbestand &amp;openen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read a .cfg or .xml file from disk with its secrets hidden; no account needed. You can also drop files on the window.</source>
        <translation>Lees een .cfg- of .xml-bestand van schijf, met de geheimen verborgen; geen account nodig. Je kunt bestanden ook op het venster neerzetten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compare two files…</source>
        <translation>Twee bestanden &amp;vergelijken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show two provisioning files side by side with the changed settings listed (secrets stay hidden).</source>
        <translation>Toont twee provisioningbestanden naast elkaar met de gewijzigde instellingen op een rij (geheimen blijven verborgen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prepare &amp;site visit…</source>
        <translation>Bezoek ter &amp;plaatse voorbereiden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline &amp;cache…</source>
        <translation>Offline op&amp;slag…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See, open and clear the provisioning files kept on this computer.</source>
        <translation>Bekijk, open en wis de provisioningbestanden die op deze computer bewaard zijn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Compass Desk.</source>
        <translation>Compass Desk sluiten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Phone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use on another &amp;environment</source>
        <translation>Op een andere &amp;omgeving gebruiken</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Tools</source>
        <translation>&amp;Extra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site &amp;check…</source>
        <translation>&amp;Locatiecontrole…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check whether a phone on this network can reach everything it needs to provision.</source>
        <translation>Controleer of een telefoon op dit netwerk alles kan bereiken wat hij nodig heeft om te provisionen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Firmware &amp;overview…</source>
        <translation>Firmware&amp;overzicht…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed and selected firmware of every phone of the selected organisation.</source>
        <translation>Geïnstalleerde en gekozen firmware van elke telefoon van de gekozen organisatie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every change made from this computer</source>
        <translation>Elke wijziging die vanaf deze computer is gedaan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add, change or remove Compass environments</source>
        <translation>Compass-omgevingen toevoegen, wijzigen of verwijderen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language, deadline, refresh interval, default environment and cache size.</source>
        <translation>Taal, deadline, verversinterval, standaardomgeving en grootte van de opslag.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Compass Desk</source>
        <translation>&amp;Over Compass Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version, libraries and their licences, where the files are.</source>
        <translation>Versie, bibliotheken en hun licenties, en waar de bestanden staan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy &amp;diagnostics…</source>
        <translation>&amp;Diagnose kopiëren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the support report (no passwords) and copy it for a support ticket.</source>
        <translation>Toont het supportrapport (zonder wachtwoorden) en kopieert het voor een supportmelding.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Move %1 phones…</source>
        <translation>%1 telefoons &amp;verplaatsen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No other environment</source>
        <translation>Geen andere omgeving</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Offline: available again once Compass Desk is connected.</source>
        <translation>Offline: weer beschikbaar zodra Compass Desk verbonden is.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not available yet.</source>
        <translation>Nog niet beschikbaar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the copy of the provisioning file kept on this computer (fetched earlier; secrets hidden).</source>
        <translation>Toont de kopie van het provisioningbestand die op deze computer bewaard is (eerder opgehaald; geheimen verborgen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move the %1 selected phones to another organisation.</source>
        <translation>De %1 gekozen telefoons naar een andere organisatie verplaatsen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 phones are selected; this works on one phone (Move works on all of them).</source>
        <translation>Er zijn %1 telefoons gekozen; dit werkt op één telefoon (Verplaatsen werkt op allemaal).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a phone first.</source>
        <translation>Kies eerst een telefoon.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose an organisation in the list first.</source>
        <translation>Kies eerst een organisatie in de lijst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installed and selected firmware of every phone of %1.</source>
        <translation>Geïnstalleerde en gekozen firmware van elke telefoon van %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select one phone.</source>
        <translation>Kies één telefoon.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move this phone to %1, with both sides shown first.</source>
        <translation>Deze telefoon naar %1 verplaatsen; eerst worden beide kanten getoond.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fetch the provisioning file and status of every phone of an organisation, to read them on site without a connection.</source>
        <translation>Haalt het provisioningbestand en de status van elke telefoon van een organisatie op, om ze ter plaatse zonder verbinding te lezen.</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../../compass_desk/gui/toolbar.py" line="+26"/>
        <source>Main</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Current environment</source>
        <translation>Huidige omgeving</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo mode</source>
        <translation>Demomodus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo mode: built-in simulated servers, no real phones are changed</source>
        <translation>Demomodus: ingebouwde gesimuleerde servers, er worden geen echte telefoons gewijzigd</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch organisations, phones and live status again (F5)</source>
        <translation>Organisaties, telefoons en live status opnieuw ophalen (F5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environments…</source>
        <translation>Omgevingen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Switch to %1 (Ctrl+%2)</source>
        <translation>Overschakelen naar %1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No environment</source>
        <translation>Geen omgeving</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every action goes to %1 (signed in as %2)</source>
        <translation>Elke actie gaat naar %1 (aangemeld als %2)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../compass_desk/gui/window_search.py" line="+95"/>
        <source>this environment</source>
        <translation>deze omgeving</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Looking for %1 once the phone list of %2 has arrived…</source>
        <translation>Zoeken naar %1 zodra de telefoonlijst van %2 binnen is…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No phone with MAC %1 in %2.</source>
        <translation>Geen telefoon met MAC %1 in %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Found %1 (%2).</source>
        <translation>%1 (%2) gevonden.</translation>
    </message>
    <message>
        <location filename="../../compass_desk/gui/window_status.py" line="+44"/>
        <source>no environment</source>
        <translation>geen omgeving</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[DEMO]</source>
        <translation>[DEMO]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(offline, read-only)</source>
        <translation>(offline, alleen lezen)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Showing saved data as of %1; everything is read-only.</source>
        <translation>Bewaarde gegevens van %1; alles is alleen-lezen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no saved data for this environment yet; everything is read-only.</source>
        <translation>Er zijn nog geen bewaarde gegevens voor deze omgeving; alles is alleen-lezen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Showing saved data as of %1 until the refresh finishes.</source>
        <translation>Bewaarde gegevens van %1, tot het vernieuwen klaar is.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password for %1 on %2:</source>
        <translation>Wachtwoord voor %1 op %2:</translation>
    </message>
    <message>
        <location filename="../../compass_desk/gui/main_window.py" line="+129"/>
        <source>Show the phones in one provisioning state.

Suboptimal: %1</source>
        <translation>Toon de telefoons in één provisioningtoestand.

Suboptimaal: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search by name, MAC (any notation), organisation, model, IP or user (Ctrl+F). A scanned MAC and Enter jump to that phone in any organisation.</source>
        <translation>Zoek op naam, MAC (elke notatie), organisatie, model, IP of gebruiker (Ctrl+F). Een gescand MAC-adres en Enter springen naar die telefoon, in welke organisatie ook.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No Compass environment is set up yet: add one with “Environments” in the toolbar, or start with --demo to try the app.</source>
        <translation>Er is nog geen Compass-omgeving ingesteld: voeg er een toe met “Omgevingen” in de werkbalk, of start met --demo om de app te proberen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The demo could not be started.</source>
        <translation>De demo kon niet worden gestart.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 of %2 phones shown</source>
        <translation>%1 van %2 telefoons getoond</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 phones</source>
        <translation>%1 telefoons</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Move %1 phones…</source>
        <translation>%1 telefoons verplaatsen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move…</source>
        <translation>Verplaatsen…</translation>
    </message>
    <message>
        <location filename="../../compass_desk/gui/preferences_apply.py" line="+39"/>
        <source>The new language is used from the next start of Compass Desk.</source>
        <translation>De nieuwe taal wordt gebruikt vanaf de volgende start van Compass Desk.</translation>
    </message>
</context>
<context>
    <name>MainWindowCentral</name>
    <message>
        <location filename="../../ui/main_window.ui" line="+18"/>
        <source>Connection notice</source>
        <translation>Melding over de verbinding</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Organisations&lt;/b&gt;</source>
        <translation>&lt;b&gt;Organisaties&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Filter organisations</source>
        <translation>Organisaties filteren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organisations</source>
        <translation>Organisaties</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search or scan a MAC</source>
        <translation>Zoek of scan een MAC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search phones</source>
        <translation>Toestellen zoeken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by provisioning state</source>
        <translation>Filteren op provisioningstatus</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phones</source>
        <translation>Toestellen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Number of phones shown</source>
        <translation>Aantal getoonde toestellen</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../compass_desk/gui/messages.py" line="+29"/>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server did not answer in time; check the connection and try again.</source>
        <translation>De server antwoordde niet op tijd; controleer de verbinding en probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not reach the server; check the network connection and try again.</source>
        <translation>De server is niet bereikbaar; controleer de netwerkverbinding en probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Compass Desk ran into an unexpected problem; the details are in the log file.</source>
        <translation>Compass Desk liep tegen een onverwacht probleem aan; de details staan in het logbestand.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not write the file: %1</source>
        <translation>Kon het bestand niet schrijven: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read the file: %1</source>
        <translation>Kon het bestand niet lezen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not write %1: %2</source>
        <translation>Kon %1 niet schrijven: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read %1: %2</source>
        <translation>Kon %1 niet lezen: %2</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../../compass_desk/gui/move_wizard.py" line="-91"/>
        <source>How should the phone move?</source>
        <translation>Hoe moet de telefoon verhuizen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both ways keep the phone safe; they differ in what it keeps.</source>
        <translation>Beide manieren zijn veilig voor de telefoon; ze verschillen in wat hij houdt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (recommended)</source>
        <translation>%1 (aanbevolen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 This environment does not offer it.</source>
        <translation>%1 Deze omgeving biedt dit niet.</translation>
    </message>
</context>
<context>
    <name>MoveLaunch</name>
    <message>
        <location filename="../../compass_desk/gui/move_launch.py" line="+43"/>
        <source>Sign in to this environment to move phones.</source>
        <translation>Meld je aan bij deze omgeving om telefoons te verplaatsen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+56"/>
        <source>Factory reset</source>
        <translation>Fabrieksreset</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Reset the phone to factory defaults now; &apos;compass-desk guide %1&apos; shows how.</source>
        <translation>Zet de telefoon nu terug naar de fabrieksinstellingen; &apos;compass-desk guide %1&apos; laat zien hoe.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move phone</source>
        <translation>Telefoon verplaatsen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move phones</source>
        <translation>Telefoons verplaatsen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Use on another environment</source>
        <translation>Op een andere omgeving gebruiken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in to %1 once (switch to it), then try again.</source>
        <translation>Meld je één keer aan bij %1 (schakel erheen) en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reset the phone now; it joins %1 when it starts again. &apos;compass-desk guide %2&apos; shows how.</source>
        <translation>Reset de telefoon nu; hij sluit zich bij %1 aan zodra hij opnieuw opstart. &apos;compass-desk guide %2&apos; laat zien hoe.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signing in to %1</source>
        <translation>Aanmelden bij %1</translation>
    </message>
</context>
<context>
    <name>MoveWizard</name>
    <message>
        <location filename="../../compass_desk/gui/move_wizard.py" line="+221"/>
        <source>Move phone</source>
        <translation>Telefoon verplaatsen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>You have read-only rights on the phone&apos;s organisation, so this phone cannot be moved. Nothing was changed.</source>
        <translation>Je hebt op de organisatie van de telefoon alleen leesrechten, dus deze telefoon kan niet worden verplaatst. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have read-only rights on “%1”, so this phone cannot be moved. Nothing was changed.</source>
        <translation>Je hebt op “%1” alleen leesrechten, dus deze telefoon kan niet worden verplaatst. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no other organisation where you have write rights.</source>
        <translation>Er is geen andere organisatie waar je schrijfrechten hebt.</translation>
    </message>
</context>
<context>
    <name>OrganisationModel</name>
    <message>
        <location filename="../../compass_desk/gui/org_model.py" line="+60"/>
        <source>All organisations (%1)</source>
        <translation>Alle organisaties (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) — failed</source>
        <translation>%1 (%2) — mislukt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your rights: read and write</source>
        <translation>Jouw rechten: lezen en schrijven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your rights: read only</source>
        <translation>Jouw rechten: alleen lezen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not load its phones: %1</source>
        <translation>De telefoons konden niet worden geladen: %1</translation>
    </message>
</context>
<context>
    <name>PhoneActions</name>
    <message>
        <location filename="../../compass_desk/gui/actions.py" line="+26"/>
        <source>Activate</source>
        <translation>Activeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reboot</source>
        <translation>Herstarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>View provisioning</source>
        <translation>Provisioning bekijken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move</source>
        <translation>Verplaatsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Register the phone at the manufacturer&apos;s provisioning service, so that a phone reset to factory defaults finds Compass (before the weekly deadline).</source>
        <translation>Registreert de telefoon bij de provisioningdienst van de fabrikant, zodat een telefoon die naar de fabrieksinstellingen is teruggezet Compass vindt (vóór de wekelijkse deadline).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart the phone; it fetches its settings from Compass again.</source>
        <translation>Herstart de telefoon; hij haalt zijn instellingen opnieuw op bij Compass.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the settings file Compass sends to this phone (secrets hidden).</source>
        <translation>Toont het instellingenbestand dat Compass naar deze telefoon stuurt (geheimen verborgen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the phone to another organisation or environment.</source>
        <translation>Verplaats de telefoon naar een andere organisatie of omgeving.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the installed firmware and choose which one the phone should run.</source>
        <translation>Bekijk de geïnstalleerde firmware en kies welke de telefoon moet draaien.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a phone first.</source>
        <translation>Kies eerst een telefoon.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: actions are available again once Compass Desk is connected.</source>
        <translation>Offline: acties zijn weer beschikbaar zodra Compass Desk verbonden is.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This environment</source>
        <translation>Deze omgeving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not support %2.</source>
        <translation>%1 ondersteunt %2 niet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You have read-only rights on this organisation.</source>
        <translation>Je hebt op deze organisatie alleen leesrechten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have read-only rights on %1.</source>
        <translation>Je hebt op %1 alleen leesrechten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another action on this phone is still running.</source>
        <translation>Er loopt nog een andere actie op deze telefoon.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The phone is offline; it may not receive the reboot.</source>
        <translation>De telefoon is offline; misschien krijgt hij de herstart niet door.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phone is offline (status of %1); it may not receive the reboot.</source>
        <translation>De telefoon is offline (status van %1); misschien krijgt hij de herstart niet door.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reboot phone</source>
        <translation>Telefoon herstarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reboot phone “%1” (%2)
in organisation “%3”
on environment “%4”?

</source>
        <translation>Telefoon “%1” (%2)
in organisatie “%3”
op omgeving “%4” herstarten?

</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls on this phone will be cut off.</source>
        <translation>Gesprekken op deze telefoon worden afgebroken.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activate phone</source>
        <translation>Telefoon activeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activate phone “%1” (%2)
in organisation “%3”
on environment “%4”?</source>
        <translation>Telefoon “%1” (%2)
in organisatie “%3”
op omgeving “%4” activeren?</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 %2: done. State is now %3.</source>
        <translation>%1 %2: klaar. De toestand is nu %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2: request sent. The phone was offline, so it may not restart.</source>
        <translation>%1 %2: verzoek verstuurd. De telefoon was offline, dus misschien herstart hij niet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2: done.</source>
        <translation>%1 %2: klaar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 mislukt: %3</translation>
    </message>
</context>
<context>
    <name>PhoneTableModel</name>
    <message>
        <location filename="../../compass_desk/gui/phone_rows.py" line="+44"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vendor</source>
        <translation>Fabrikant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provisioning</source>
        <translation>Provisioning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>lapsed</source>
        <translation>verlopen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1d %2h</source>
        <translation>%1d %2u</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1h %2m</source>
        <translation>%1u %2m</translation>
    </message>
    <message>
        <location filename="../../compass_desk/gui/phone_model.py" line="+123"/>
        <source>Provisioning by manufacturer: %1</source>
        <translation>Provisioning door fabrikant: %1</translation>
    </message>
</context>
<context>
    <name>PreferenceTexts</name>
    <message>
        <location filename="../../compass_desk/gui/preferences_dialog.py" line="+38"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of the application; takes effect at the next start.</source>
        <translation>De taal van de applicatie; gaat in bij de volgende start.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same as the system</source>
        <translation>Dezelfde als het systeem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nederlands</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly deadline</source>
        <translation>Wekelijkse deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When registrations at the vendor lapse on Wednesday night (Amsterdam time). The Compass documentation gives 00:00 and 03:00; the earlier is the safe choice.</source>
        <translation>Wanneer registraties bij de fabrikant in de nacht van dinsdag op woensdag vervallen (Amsterdamse tijd). De documentatie van Compass noemt 00:00 en 03:00; het vroegste tijdstip is de veilige keuze.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wednesday 00:00 (safe)</source>
        <translation>Woensdag 00:00 (veilig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday 03:00 (admin manual)</source>
        <translation>Woensdag 03:00 (beheerdershandleiding)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live status refresh</source>
        <translation>Live status verversen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the live status of the visible phones is read again.</source>
        <translation>Hoe vaak de live status van de zichtbare toestellen opnieuw wordt gelezen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment at start</source>
        <translation>Omgeving bij de start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The environment profile opened at start; empty opens the one used last.</source>
        <translation>Het omgevingsprofiel dat bij de start opent; leeg opent het laatst gebruikte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline cache size</source>
        <translation>Grootte van de offline opslag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most space the stored provisioning files may take; the oldest go first.</source>
        <translation>De ruimte die de bewaarde provisioningbestanden hooguit mogen innemen; de oudste gaan het eerst weg.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location line="+42"/>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>The one used last</source>
        <translation>Het laatst gebruikte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (no longer set up)</source>
        <translation>%1 (niet meer ingesteld)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The environment “%1” is no longer set up; choose another one.</source>
        <translation>De omgeving “%1” is niet meer ingesteld; kies een andere.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 must be a whole number.</source>
        <translation>%1 moet een geheel getal zijn.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 must be between %2 and %3%4.</source>
        <translation>%1 moet tussen %2 en %3%4 liggen.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The preferences could not be saved: %1</source>
        <translation>De voorkeuren konden niet worden opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>ProvisioningCompareDialog</name>
    <message>
        <location filename="../../compass_desk/gui/provisioning_compare.py" line="+46"/>
        <source>Compare %1 with %2</source>
        <translation>%1 vergelijken met %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Changed settings</source>
        <translation>Gewijzigde instellingen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No setting differs.</source>
        <translation>Geen enkele instelling verschilt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only comments or layout differ.</source>
        <translation>Alleen opmerkingen of opmaak verschillen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The files are the same.</source>
        <translation>De bestanden zijn gelijk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 setting changed</source>
        <translation>1 instelling gewijzigd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 settings changed</source>
        <translation>%1 instellingen gewijzigd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 secret (value hidden)</source>
        <translation>1 geheim (waarde verborgen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 secrets (values hidden)</source>
        <translation>%1 geheimen (waarden verborgen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, of which %2</source>
        <translation>%1, waarvan %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; %2. Secrets are masked on both sides.</source>
        <translation>%1; %2. Geheimen zijn aan beide kanten gemaskeerd.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 line differs</source>
        <translation>1 regel verschilt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 lines differ</source>
        <translation>%1 regels verschillen</translation>
    </message>
</context>
<context>
    <name>ProvisioningViewDialog</name>
    <message>
        <location filename="../../compass_desk/gui/provisioning_view.py" line="+68"/>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Provisioning file %1</source>
        <translation>Provisioningbestand %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+322"/>
        <location line="+6"/>
        <location line="+27"/>
        <source>Provisioning file</source>
        <translation>Provisioningbestand</translation>
    </message>
    <message>
        <location line="-328"/>
        <source>Line %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · %2 · checking…</source>
        <translation>%1 · %2 · controleren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Custom settings (added in Compass Studio): lines %1–%2, tinted in the text and the table.</source>
        <translation>Eigen instellingen (toegevoegd in Compass Studio): regels %1–%2, gekleurd in de tekst en de tabel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Validation findings</source>
        <translation>Controlebevindingen</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+85"/>
        <source>Reveal secrets</source>
        <translation>Geheimen tonen</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Show passwords and other secrets in plain text (audit-logged)</source>
        <translation>Wachtwoorden en andere geheimen leesbaar tonen (komt in het auditlog)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selection, or the whole file, as shown (secrets stay masked)</source>
        <translation>Kopieer de selectie, of het hele bestand, zoals getoond (geheimen blijven gemaskeerd)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 settings</source>
        <translation>%1 instellingen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 setting</source>
        <translation>1 instelling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 secret value masked</source>
        <translation>1 geheime waarde gemaskeerd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 secret values masked</source>
        <translation>%1 geheime waarden gemaskeerd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 warning</source>
        <translation>1 waarschuwing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 warnings</source>
        <translation>%1 waarschuwingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 error</source>
        <translation>1 fout</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 errors</source>
        <translation>%1 fouten</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Secrets not revealed</source>
        <translation>Geheimen niet getoond</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrets stay hidden because revealing could not be logged: %1</source>
        <translation>De geheimen blijven verborgen, omdat het tonen niet kon worden gelogd: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hide secrets</source>
        <translation>Geheimen verbergen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export provisioning file</source>
        <translation>Provisioningbestand exporteren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be written: %1.</source>
        <translation>Het bestand kon niet worden geschreven: %1.</translation>
    </message>
    <message>
        <location line="+89"/>
        <location line="+3"/>
        <location line="+6"/>
        <source>Cannot open file</source>
        <translation>Bestand kan niet worden geopend</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>%1 cannot be opened: %2.</source>
        <translation>%1 kan niet worden geopend: %2.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose an environment first.</source>
        <translation>Kies eerst een omgeving.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in to this environment to fetch the phone&apos;s provisioning file.</source>
        <translation>Meld je aan bij deze omgeving om het provisioningbestand van de telefoon op te halen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Provisioning file of %1</source>
        <translation>Provisioningbestand van %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fetch the provisioning file of %1</source>
        <translation>Het provisioningbestand van %1 ophalen</translation>
    </message>
</context>
<context>
    <name>ResumeMovesDialog</name>
    <message>
        <location filename="../../compass_desk/gui/move_resume.py" line="+73"/>
        <source>last step: %1 %2</source>
        <translation>laatste stap: %1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>snapshot saved, nothing removed yet</source>
        <translation>momentopname bewaard, nog niets verwijderd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move %1: phone %2 from %3 to %4
started %5; %6</source>
        <translation>Verplaatsing %1: telefoon %2 van %3 naar %4
gestart %5; %6</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>removing it from the old organisation</source>
        <translation>verwijderen uit de oude organisatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>adding it to the new organisation</source>
        <translation>toevoegen aan de nieuwe organisatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removing it from the new organisation</source>
        <translation>verwijderen uit de nieuwe organisatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>adding it back to the old organisation</source>
        <translation>terugzetten in de oude organisatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>putting its settings back</source>
        <translation>instellingen terugzetten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>looking for it</source>
        <translation>zoeken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading it back</source>
        <translation>opnieuw uitlezen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>started, outcome not known</source>
        <translation>gestart, afloop onbekend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Finish moving phone %1 from “%2” to “%3” on environment “%4”?</source>
        <translation>Het verplaatsen van telefoon %1 van “%2” naar “%3” op omgeving “%4” afmaken?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put phone %1 back from “%3” into “%2” on environment “%4”?</source>
        <translation>Telefoon %1 van “%3” terugzetten in “%2” op omgeving “%4”?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unfinished moves</source>
        <translation>Onafgemaakte verplaatsingen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These moves by hand did not finish, for example because Compass Desk was closed or the connection broke. Everything about each phone was saved first. Finish the move, or put the phone back where it was (with its custom settings and firmware choice).</source>
        <translation>Deze verplaatsingen met de hand zijn niet afgemaakt, bijvoorbeeld omdat Compass Desk werd gesloten of de verbinding wegviel. Alles van elke telefoon is eerst bewaard. Maak de verplaatsing af, of zet de telefoon terug waar hij was (met zijn eigen instellingen en firmwarekeuze).</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+56"/>
        <source>Finish the move</source>
        <translation>Verplaatsing afmaken</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+55"/>
        <source>Put it back</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Decide later</source>
        <translation>Later beslissen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1
Sign in to %2 to finish or undo it.</source>
        <translation>%1
Meld je aan bij %2 om dit af te maken of ongedaan te maken.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Checking where the phone is now…</source>
        <translation>Controleren waar de telefoon nu staat…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../compass_desk/gui/move_wizard.py" line="-170"/>
        <source>Moving the phone</source>
        <translation>De telefoon verplaatsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each step is checked by reading the phone back from Compass.</source>
        <translation>Elke stap wordt gecontroleerd door de telefoon opnieuw uit Compass te lezen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it back where it was</source>
        <translation>Terugzetten waar hij was</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the factory-reset guide</source>
        <translation>De handleiding voor de fabrieksreset openen</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Verified: Compass now lists the phone in %1.</source>
        <translation>Gecontroleerd: Compass toont de telefoon nu in %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compass did not confirm the new organisation yet; check the phone in a moment.</source>
        <translation>Compass heeft de nieuwe organisatie nog niet bevestigd; controleer de telefoon zo meteen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reset the phone before the deadline (Amsterdam time): %1. After that it no longer finds Compass until you press Activate again.</source>
        <translation>Reset de telefoon vóór de deadline (Amsterdamse tijd): %1. Daarna vindt hij Compass pas weer als je opnieuw op Activeren drukt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;The move is not finished.&lt;/b&gt; It is saved in the journal, so nothing is lost.</source>
        <translation>&lt;b&gt;De verplaatsing is niet af.&lt;/b&gt; Ze staat in het logboek, dus er gaat niets verloren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If you close this now, the unfinished move is offered again at the next start (and listed by &apos;compass-desk journal&apos;).</source>
        <translation>Als je dit nu sluit, wordt de onafgemaakte verplaatsing bij de volgende start opnieuw aangeboden (en getoond door &apos;compass-desk journal&apos;).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>The move stopped.</source>
        <translation>De verplaatsing is gestopt.</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <location filename="../../compass_desk/gui/provisioning_table.py" line="+18"/>
        <source>Setting</source>
        <translation>Instelling</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission</source>
        <translation>Recht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Opmerkingen</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../compass_desk/gui/move_env.py" line="-169"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provisioning by manufacturer</source>
        <translation>Provisioning door fabrikant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activated</source>
        <translation>Geactiveerd</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>could not be read: %1</source>
        <translation>kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not on this environment</source>
        <translation>niet op deze omgeving</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
</context>
<context>
    <name>SimControl</name>
    <message>
        <location filename="../../compass_desk/gui/reset_wizard/sim_control.py" line="+45"/>
        <source>The demo server did not answer (%1).</source>
        <translation>De demoserver antwoordde niet (%1).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simulating a phone is only possible in demo mode.</source>
        <translation>Een telefoon simuleren kan alleen in de demomodus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The demo server refused to reset the phone (HTTP %1).</source>
        <translation>De demoserver weigerde de telefoon te resetten (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>SiteCheckDialog</name>
    <message>
        <location filename="../../compass_desk/gui/sitecheck_dialog.py" line="+55"/>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+102"/>
        <source>Site check</source>
        <translation>Locatiecontrole</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Checks whether a phone on this network can reach what it needs to provision. Run it on the phones&apos; network (same switch, same VLAN).</source>
        <translation>Controleert of een telefoon op dit netwerk alles kan bereiken wat hij nodig heeft om te provisionen. Voer de controle uit op het netwerk van de telefoons (dezelfde switch, hetzelfde VLAN).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened and what to ask IT</source>
        <translation>Wat er gebeurde en wat je aan IT vraagt</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Run again</source>
        <translation>Opnieuw uitvoeren</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Run</source>
        <translation>Uitvoeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy report</source>
        <translation>Rapport kopiëren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save report…</source>
        <translation>Rapport opslaan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Checking %1 things in parallel; this takes at most %2 seconds.</source>
        <translation>%1 dingen tegelijk controleren; dit duurt hooguit %2 seconden.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1
Ask IT: %2</source>
        <translation>%1
Vraag IT: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not finished</source>
        <translation>Niet afgerond</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The site check was cancelled; run it again for a complete report.</source>
        <translation>De locatiecontrole is geannuleerd; voer hem opnieuw uit voor een volledig rapport.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 The report is on the clipboard.</source>
        <translation>%1 Het rapport staat op het klembord.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+12"/>
        <source>Save report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The report could not be saved to %1: %2.</source>
        <translation>Het rapport kon niet worden opgeslagen in %1: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 Saved to %2.</source>
        <translation>%1 Opgeslagen in %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>HTML report (*.html);;Text report (*.txt)</source>
        <translation>HTML-rapport (*.html);;Tekstrapport (*.txt)</translation>
    </message>
</context>
<context>
    <name>SiteVisitDialog</name>
    <message>
        <location filename="../../compass_desk/gui/site_visit_dialog.py" line="+45"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passwords</source>
        <translation>Wachtwoorden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Prepare site visit</source>
        <translation>Bezoek ter plaatse voorbereiden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fetches the provisioning file and status of every phone of one organisation and keeps them on this computer, so you can read them on site without a connection. Passwords in them are kept encrypted with a key in your keyring (not at all when there is no secure keyring), never in plain text.</source>
        <translation>Haalt het provisioningbestand en de status van elke telefoon van één organisatie op en bewaart ze op deze computer, zodat je ze ter plaatse zonder verbinding kunt lezen. Wachtwoorden erin worden versleuteld bewaard met een sleutel in je sleutelbos (helemaal niet als er geen veilige sleutelbos is), nooit als leesbare tekst.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type to search organisations</source>
        <translation>Typ om organisaties te zoeken</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Prepare</source>
        <translation>Voorbereiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Organisation:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reading the organisations…</source>
        <translation>De organisaties lezen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Read organisations</source>
        <translation>Organisaties lezen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose an organisation from the list first.</source>
        <translation>Kies eerst een organisatie uit de lijst.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the phone list of %1…</source>
        <translation>De telefoonlijst van %1 lezen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prepare site visit for %1</source>
        <translation>Bezoek ter plaatse voorbereiden voor %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stored %1 of %2 phones…</source>
        <translation>%1 van %2 telefoons bewaard…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stored</source>
        <translation>Bewaard</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cancelled: %1 provisioning file was stored before the cancel; prepare again to store the rest.</source>
        <translation>Geannuleerd: vóór het annuleren is %1 provisioningbestand bewaard; bereid opnieuw voor om de rest te bewaren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled: %1 provisioning files were stored before the cancel; prepare again to store the rest.</source>
        <translation>Geannuleerd: vóór het annuleren zijn %1 provisioningbestanden bewaard; bereid opnieuw voor om de rest te bewaren.</translation>
    </message>
</context>
<context>
    <name>StateFilter</name>
    <message>
        <location filename="../../compass_desk/gui/phone_filter.py" line="+31"/>
        <source>Phones that need attention, as “Why is this phone not working?” judges them. A phone in normal use must be disabled. Shown: provision or deprovision (registering at the manufacturer failed); active on a phone in use (online, with settings from Compass) activated more than a day ago, or whose weekly deadline lapsed before the reset; disabled but never provisioned, or provisioned before and offline now. Not shown: working phones, active phones waiting for their reset, and phones whose live status is not known yet.</source>
        <translation>Telefoons die aandacht vragen, zoals “Waarom werkt deze telefoon niet?” ze beoordeelt. Een telefoon in gebruik hoort op disabled te staan. Getoond: provision of deprovision (registreren bij de fabrikant mislukt); active op een telefoon in gebruik (online, met instellingen van Compass) die meer dan een dag geleden is geactiveerd, of waarvan de wekelijkse deadline vóór de reset verliep; disabled maar nooit geprovisioned, of eerder geprovisioned en nu offline. Niet getoond: werkende telefoons, active telefoons die op hun reset wachten, en telefoons waarvan de live status nog niet bekend is.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All states</source>
        <translation>Alle toestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suboptimal (needs attention)</source>
        <translation>Suboptimaal (vraagt aandacht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabled (normal)</source>
        <translation>Disabled (normaal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision failed</source>
        <translation>Provision mislukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deprovision failed</source>
        <translation>Deprovision mislukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>StateLook</name>
    <message>
        <location filename="../../compass_desk/gui/style.py" line="+36"/>
        <source>Disabled (normal)</source>
        <translation>Disabled (normaal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active: awaiting reset</source>
        <translation>Active: wacht op reset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision failed</source>
        <translation>Provision mislukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deprovision failed</source>
        <translation>Deprovision mislukt</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../compass_desk/gui/status_bar.py" line="+19"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh progress</source>
        <translation>Voortgang van het vernieuwen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the refresh; the data already shown stays</source>
        <translation>Stop het vernieuwen; wat al getoond wordt, blijft staan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organisations that failed</source>
        <translation>Organisaties die mislukten</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>⚠ 1 organisation failed</source>
        <translation>⚠ 1 organisatie mislukt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ %1 organisations failed</source>
        <translation>⚠ %1 organisaties mislukt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Organisations not loaded</source>
        <translation>Organisaties niet geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These organisations could not be loaded; their phones are shown as they were before:

%1</source>
        <translation>Deze organisaties konden niet worden geladen; hun telefoons worden getoond zoals ze eerder waren:

%1</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <location filename="../../compass_desk/gui/move_wizard.py" line="-283"/>
        <source>Choose the target organisation</source>
        <translation>Kies de doelorganisatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where should phone %1 go?</source>
        <translation>Waar moet telefoon %1 naartoe?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search organisations…</source>
        <translation>Organisaties zoeken…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Organisations where you only have read rights are shown greyed; you need write rights on both organisations to move a phone.</source>
        <translation>Organisaties waar je alleen leesrechten hebt, zijn grijs; je hebt schrijfrechten op beide organisaties nodig om een telefoon te verplaatsen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../compass_desk/gui/worker.py" line="+151"/>
        <source>Another action on this phone is still running; wait until it has finished.</source>
        <translation>Er loopt nog een andere actie op deze telefoon; wacht tot die klaar is.</translation>
    </message>
</context>
</TS>
