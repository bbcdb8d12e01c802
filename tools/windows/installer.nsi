; The Windows installer of 绩效自评: `make windows-installer` builds bin/绩效自评-安装程序.exe with
; makensis (Debian's nsis package) from bin/ziping.exe. What it does:
; - per-user, into %LOCALAPPDATA%\Programs\绩效自评, without administrator rights (office PCs
;   often deny them): everything goes under the user's profile and HKCU;
; - Start-menu shortcut, optional desktop shortcut, the .zpb association (double-click opens
;   the document, with the program's icon), an entry in 应用和功能 (Apps & features);
; - the uninstaller removes only what was installed: documents, and the recovery copies and
;   settings under %AppData%\ziping (app/recovery.go), stay;
; - /S installs (and the uninstaller's /S uninstalls) silently, with the defaults.
; makensis -INPUTCHARSET UTF8 -DVERSION=… -DEXE=bin/ziping.exe -DOUTFILE=… tools/windows/installer.nsi

; A 64-bit installer, as the program is (Windows 10 64-bit or later): it also runs under Wine
; without 32-bit support (tools/wine/smoke.sh).
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !define VERSION "dev"
!endif
!define APPNAME "绩效自评"
!define PROGID "Ziping.Document"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Ziping"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\ziping.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在运行${APPNAME}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

!ifndef FILEVERSION
  !define FILEVERSION "0.0.0.0"
!endif
VIProductVersion "${FILEVERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APPNAME}安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "见程序的“关于”"

Section "${APPNAME}（必需）" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=ziping.exe" "${EXE}"
  WriteUninstaller "$INSTDIR\卸载.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\ziping.exe"

  ; The .zpb association, for this user only.
  WriteRegStr HKCU "Software\Classes\.zpb" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.zpb" "Content Type" "application/x-ziping"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "绩效自评文档"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\ziping.exe",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\ziping.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\ziping.exe\shell\open\command" "" '"$INSTDIR\ziping.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\ziping.exe\SupportedTypes" ".zpb" ""

  ; 应用和功能 (Apps & features) / 程序和功能.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\ziping.exe",0'
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "绩效自评 (Ziping)"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\卸载.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\卸载.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0

  ; Tell Explorer that file associations changed (SHCNE_ASSOCCHANGED), so icons update now.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

;; Mesa's software OpenGL (internal/platform/mesa_windows.go: used only when the graphics driver
;; gives no OpenGL 2.1), in mesa\ beside the exe, never beside it: an opengl32.dll in the exe's
;; folder would replace every PC's working driver. -DMESA=folder with opengl32.dll,
;; libgallium_wgl.dll and Mesa's licence (the Makefile's bin/mesa, from assets/windows/mesa).
!ifdef MESA
Section "-Mesa" SecMesa
  SetOutPath "$INSTDIR\mesa"
  File "${MESA}\opengl32.dll"
  File "${MESA}\libgallium_wgl.dll"
  File "${MESA}\LICENSE-mesa.txt"
  SetOutPath "$INSTDIR"
SectionEnd
!endif

Section "桌面快捷方式" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\ziping.exe"
SectionEnd

;; Mesa's folder (see SecMesa), before the folder of the program is removed if empty.
Section "-un.Mesa"
  Delete "$INSTDIR\mesa\opengl32.dll"
  Delete "$INSTDIR\mesa\libgallium_wgl.dll"
  Delete "$INSTDIR\mesa\LICENSE-mesa.txt"
  RMDir "$INSTDIR\mesa"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\ziping.exe"
  Delete "$INSTDIR\卸载.exe"
  ; Only if empty: a document the user saved into this folder stays, and so does the folder.
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  ; The association, only if it is still ours.
  ReadRegStr $0 HKCU "Software\Classes\.zpb" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.zpb"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\ziping.exe"
  DeleteRegKey HKCU "${UNINSTKEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
