; Inno Setup script for ANTT Desktop on Windows (run on Windows after the PyInstaller build):
;   iscc /DAppVersion=0.1.0 packaging\windows\antt-desktop.iss
; It installs the one-folder build in dist\antt-desktop for the current user (no
; administrator rights needed on a post's shared PC) and adds Start menu and desktop
; shortcuts. The post's data lives in the user's data
; folder, never in the program folder, so uninstalling or upgrading never touches it.
; Check a build before shipping it with "antt-desktop.exe --self-test" (exit code 0).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5C7E2F0B-6A2E-4F2B-9E7A-1D3C0A9B7E41}
AppName=ANTT Desktop
AppVersion={#AppVersion}
AppPublisher=ANTT Desktop
DefaultDirName={localappdata}\Programs\ANTT Desktop
DefaultGroupName=ANTT Desktop
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=antt-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupIconFile=antt-desktop.ico
UninstallDisplayIcon={app}\antt-desktop.exe

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\antt-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ANTT Desktop"; Filename: "{app}\antt-desktop.exe"
Name: "{group}\{cm:UninstallProgram,ANTT Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\ANTT Desktop"; Filename: "{app}\antt-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\antt-desktop.exe"; Description: "{cm:LaunchProgram,ANTT Desktop}"; Flags: nowait postinstall skipifsilent
