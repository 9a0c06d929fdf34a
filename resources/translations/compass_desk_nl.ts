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
        <translation>Qt en Qt for Python worden gebruikt onder de GNU Lesser General Public License versie 3; u mag ze vervangen door uw eigen build van dezelfde versie.</translation>
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
        <location line="+42"/>
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
        <location line="+11"/>
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
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../compass_desk/gui/diagnostics.py" line="+62"/>
        <source>Diagnostics for support</source>
        <translation>Diagnose voor de supportafdeling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste this into your support ticket. It holds no passwords; secrets in the log lines are replaced by ***.</source>
        <translation>Plak dit in uw supportmelding. Er staan geen wachtwoorden in; geheimen in de logregels zijn vervangen door ***.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy to clipboard</source>
        <translation>Naar klembord kopiëren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied. Paste it into your support ticket.</source>
        <translation>Gekopieerd. Plak het in uw supportmelding.</translation>
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
        <location line="+33"/>
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
    <name>FirstRunPage</name>
    <message>
        <location filename="../../compass_desk/gui/first_run.py" line="+53"/>
        <source>Welcome to %1</source>
        <translation>Welkom bij %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 helps you install and support Snom and Yealink desk phones on the Compass cloud PBX. Find a phone by its MAC address, see where it is in provisioning, and fix what is stuck in a few clicks.</source>
        <translation>%1 helpt u Snom- en Yealink-bureautoestellen te installeren en te ondersteunen op de Compass-cloudcentrale. Zoek een toestel op zijn MAC-adres, zie hoe ver het met de provisioning is en los in een paar klikken op wat vastzit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To begin, add the Compass environment you work with, or look around in the demo first.</source>
        <translation>Voeg om te beginnen de Compass-omgeving toe waarmee u werkt, of kijk eerst rond in de demo.</translation>
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
        <source>Search name, MAC (any notation), model, IP, user — or scan a MAC and press Enter</source>
        <translation>Zoek op naam, MAC (elke schrijfwijze), model, IP, gebruiker — of scan een MAC en druk op Enter</translation>
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
        <location filename="../../compass_desk/gui/messages.py" line="+24"/>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server did not answer in time; check the connection and try again.</source>
        <translation>De server antwoordde niet op tijd; controleer de verbinding en probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not reach the server; check the network connection and try again.</source>
        <translation>De server is niet bereikbaar; controleer de netwerkverbinding en probeer het opnieuw.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compass Desk ran into an unexpected problem; the details are in the log file.</source>
        <translation>Compass Desk liep tegen een onverwacht probleem aan; de details staan in het logbestand.</translation>
    </message>
</context>
<context>
    <name>PreferenceTexts</name>
    <message>
        <location filename="../../compass_desk/gui/preferences_dialog.py" line="+37"/>
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
        <source>When registrations at the vendor lapse on Wednesday night (Amsterdam time). The seed says 00:00, the Compass admin manual 03:00; the earlier is the safe choice.</source>
        <translation>Wanneer registraties bij de fabrikant in de nacht van dinsdag op woensdag vervallen (Amsterdamse tijd). De specificatie noemt 00:00, de beheerdershandleiding van Compass 03:00; het vroegste tijdstip is de veilige keuze.</translation>
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
</TS>
