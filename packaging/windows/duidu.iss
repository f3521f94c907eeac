; Inno Setup script for Duidu: a per-user installer (no administrator rights) in English and Simplified Chinese.
;
;   ISCC /DAppVersion=0.1.0 [/DRequireChinese] packaging\windows\duidu.iss
;
; Input: the PyInstaller one-folder build in dist\duidu (duidu.exe windowed, duidu-cli.exe console).
; AppVersion comes from app.__version__ (the workflow reads it and passes it here; there is no second copy).
;
; Chinese: Inno Setup ships no Simplified Chinese messages; ChineseSimplified.isl is an *unofficial*,
; community-maintained translation that the build workflow downloads (pinned to one commit) next to this
; script. It is layered over Default.isl, so any message the translation lacks for this Inno Setup version
; falls back to English instead of failing the build. Without the file the installer is English-only
; (a warning), unless RequireChinese is defined (release builds), which makes it an error.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (read it from app.__version__)
#endif
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\duidu"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#define ChineseMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
; The app icon the spec also gives duidu.exe (duidu_bundle.ICON_FILES["win32"]).
#define AppIcon AddBackslash(SourcePath) + "..\..\resources\icons\duidu.ico"
#if !FileExists(AppIcon)
  #error resources\icons\duidu.ico is missing (python packaging/make_icons.py draws it)
#endif
#if FileExists(ChineseMessages)
  #define HaveChinese
#elif defined(RequireChinese)
  #error ChineseSimplified.isl is missing next to duidu.iss (see the comment at the top)
#else
  #pragma warning "ChineseSimplified.isl not found: building an English-only installer"
#endif

[Setup]
AppId={{41DBD594-93C8-4FA6-9091-8AD0CF88FBBC}
AppName=Duidu
AppVersion={#AppVersion}
AppVerName=Duidu {#AppVersion}
AppPublisher=Duidu
VersionInfoProductName=Duidu
VersionInfoProductTextVersion={#AppVersion}
; Per-user: installs into the user's own profile, needs no administrator, and each analyst keeps a copy.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\Duidu
DefaultGroupName=Duidu
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=Duidu-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
SetupIconFile={#AppIcon}
UninstallDisplayIcon={app}\duidu.exe
UninstallDisplayName=Duidu {#AppVersion}
CloseApplications=yes
ChangesAssociations=WizardIsTaskSelected('openwith')

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#ifdef HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,{#ChineseMessages}"
#endif

[CustomMessages]
english.OpenWithTask=Add Duidu to "Open with" for .txt, .docx, .pdf and .html files
english.SpeechFileType=Speech (Duidu)
english.IntegrationGroup=Windows integration:
#ifdef HaveChinese
chinesesimplified.OpenWithTask=将 Duidu（对读）加入 .txt、.docx、.pdf、.html 文件的“打开方式”
chinesesimplified.SpeechFileType=讲话稿（对读）
chinesesimplified.IntegrationGroup=与 Windows 集成：
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
; Off by default: Duidu never takes over a file type; it only offers itself in the "Open with" list.
Name: "openwith"; Description: "{cm:OpenWithTask}"; GroupDescription: "{cm:IntegrationGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle wholesale, so no library from an older version lingers beside the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Duidu"; Filename: "{app}\duidu.exe"; Comment: "Duidu (对读)"
Name: "{autodesktop}\Duidu"; Filename: "{app}\duidu.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\Duidu.Speech"; ValueType: string; ValueName: ""; ValueData: "{cm:SpeechFileType}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Duidu.Speech\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\duidu.exe,0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Duidu.Speech\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\duidu.exe"" gui ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "Duidu.Speech"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "Duidu.Speech"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "Duidu.Speech"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "Duidu.Speech"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith

[Run]
Filename: "{app}\duidu.exe"; Description: "{cm:LaunchProgram,Duidu}"; Flags: nowait postinstall skipifsilent

; The user's libraries, settings and caches live in their own folders (see app/paths.py) and are kept
; on uninstall: removing the program must never remove an analyst's work.
