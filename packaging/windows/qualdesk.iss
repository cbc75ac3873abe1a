; Inno Setup 6 script: per-user QualDesk installer (no administrator rights needed).
; Build the bundle first (python packaging/build.py), then from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\qualdesk.iss
; BundleDir (default dist\qualdesk) and OutputDir (default dist) can be overridden with /D;
; relative paths are relative to this script's folder, so pass absolute ones.
; Output: QualDesk-<version>-windows-x64-setup.exe in OutputDir.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\qualdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "QualDesk"
#define AppPublisher "QualDesk"
#define GuiExe "qualdesk-gui.exe"

[Setup]
; The AppId identifies the product for upgrades and the uninstaller: never change it.
AppId={{6C2B7E51-3F0A-4E4B-9D5C-8A1F2E7B9C34}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} Setup
; Per-user install: with PrivilegesRequired=lowest {autopf} is %LOCALAPPDATA%\Programs and
; {autoprograms} the user's own Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\qualdesk.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese is an unofficial Inno Setup translation: used when the compiler has it, or when
; ChineseSimplified.isl was put next to this script (the release workflow fetches it).
#ifexist CompilerPath + "Languages\ChineseSimplified.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #ifexist SourcePath + "ChineseSimplified.isl"
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
  #endif
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle; ignoreversion replaces every file on upgrade.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade must not mix libraries of two builds.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
