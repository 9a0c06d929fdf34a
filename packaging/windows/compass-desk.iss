; Inno Setup 6 script: a Windows installer for the PyInstaller one-folder build (dist\compass-desk).
; Build the app first (pyinstaller packaging\compass-desk.spec), then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\compass-desk.iss
; The version comes from the package metadata (pyproject.toml); pass it, never write it here.
; Result: dist\installer\compass-desk-<version>-setup.exe. Paths below are relative to this file.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\compass-desk.iss
#endif
#define AppName "Compass Desk"
#define AppPublisher "Compass Desk developers"
#define AppExeName "compass-desk.exe"
#define BuildDir "..\..\dist\compass-desk"

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{EAE9932C-9951-4F30-BCDC-B42F3DEF4AE2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=compass-desk-{#AppVersion}-setup
SetupIconFile=..\icons\compass-desk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: compass-desk.exe (windowed), compass-desk-cli.exe (console) and _internal\.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
