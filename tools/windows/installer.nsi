; The Windows installer of 绩效自评: `make windows-installer` builds bin/绩效自评-安装程序.exe with
; makensis (Debian's nsis package) from bin/ziping.exe. What it does:
; - per-user, into %LOCALAPPDATA%\Programs\绩效自评, without administrator rights (office PCs
;   often deny them): everything goes under the user's profile and HKCU;
; - Start-menu shortcut, optional desktop shortcut, the .zpb association (double-click opens
;   the document, with the program's icon), an entry in 应用和功能 (Apps & features);
; - the uninstaller removes only what was installed: documents, and the recovery copies and
;   settings under %AppData%\ziping (app/recovery.go), stay;
; - /S installs (and the uninstaller's /S uninstalls) silently, with the defaults;
; - while 绩效自评 runs for this user (the mutex RunningMutex of internal/platform/running_windows.go)
;   installing, updating and uninstalling ask to close it (重试/取消); silently (/S) they stop
;   with exit code 2 and a line in %TEMP%\绩效自评-安装.log (UTF-16). A program file that cannot
;   be replaced or removed stops them the same way, before the registry is touched: success is
;   never reported while the old files stay. The uninstaller copies itself to %TEMP% and returns
;   0 at once (NSIS's way of removing itself): its exit code is seen only with `_?=<folder>`.
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
!include "LogicLib.nsh"

; The program's mutex while it runs (internal/platform/running_windows.go: RunningMutex).
!define RUNNING_MUTEX "Local\绩效自评-运行中"
!define LOGFILE "$TEMP\绩效自评-安装.log"
!define ERR_STOPPED 2 ; NSIS's exit code for "aborted by the script"

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

; The functions below, for the installer (prefix "") and the uninstaller ("un.").
!macro RunningFunctions UN
; Log: appends the line on the stack to LOGFILE, in UTF-16 (Notepad reads it), with a BOM
; when the file is new.
Function ${UN}Log
  Exch $R9
  Push $R8
  Push $R7
  ClearErrors
  FileOpen $R8 "${LOGFILE}" a
  ${IfNot} ${Errors}
    FileSeek $R8 0 END $R7
    ${If} $R7 = 0
      FileWriteWord $R8 0xFEFF
    ${EndIf}
    FileWriteUTF16LE $R8 "${APPNAME} ${VERSION}：$R9$\r$\n"
    FileClose $R8
  ${EndIf}
  Pop $R7
  Pop $R8
  Pop $R9
FunctionEnd

; Stop: the action ($R0: 安装 or 卸载) cannot go on for the reason on the stack; silently the
; reason goes to the log, else to a message; the exit code is ERR_STOPPED.
Function ${UN}Stop
  Exch $R9
  Push "$R0失败：$R9"
  Call ${UN}Log
  IfSilent +2
    MessageBox MB_OK|MB_ICONSTOP "$R0没有完成：$R9"
  SetErrorLevel ${ERR_STOPPED}
  Quit
FunctionEnd

; CheckRunning: while 绩效自评 runs, asks to close it (重试) or gives up (取消); silently it
; gives up at once.
Function ${UN}CheckRunning
  ${Do}
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r9'
    ${If} $9 = 0
      Return
    ${EndIf}
    System::Call 'kernel32::CloseHandle(p r9)'
    IfSilent 0 +3
      Push "绩效自评正在运行，请先保存文档并关闭它，再重新$R0。原来的文件没有改动。"
      Call ${UN}Stop
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "绩效自评正在运行。$\r$\n$\r$\n请先保存您的文档并关闭绩效自评的所有窗口，然后点“重试”；点“取消”则不$R0。" IDRETRY +3
      Push "绩效自评正在运行，已取消。原来的文件没有改动。"
      Call ${UN}Stop
  ${Loop}
FunctionEnd

; RemoveProgram: removes ziping.exe; if it stays (running, or held by another program),
; stops before anything else changes.
Function ${UN}RemoveProgram
  ${DoWhile} ${FileExists} "$INSTDIR\ziping.exe"
    ClearErrors
    Delete "$INSTDIR\ziping.exe"
    ${IfNot} ${Errors}
    ${AndIfNot} ${FileExists} "$INSTDIR\ziping.exe"
      Return
    ${EndIf}
    IfSilent 0 +3
      Push "无法删除 $INSTDIR\ziping.exe（绩效自评正在运行，或文件被其他程序占用）。"
      Call ${UN}Stop
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "无法删除 $INSTDIR\ziping.exe：绩效自评正在运行，或文件被其他程序占用。$\r$\n$\r$\n请关闭绩效自评后点“重试”；点“取消”则不$R0。" IDRETRY +3
      Push "无法删除 $INSTDIR\ziping.exe，已取消。"
      Call ${UN}Stop
  ${Loop}
FunctionEnd
!macroend
!insertmacro RunningFunctions ""
!insertmacro RunningFunctions "un."

Function .onInit
  StrCpy $R0 "安装"
  Call CheckRunning
FunctionEnd

Function un.onInit
  StrCpy $R0 "卸载"
  Call un.CheckRunning
FunctionEnd

Section "${APPNAME}（必需）" SecMain
  SectionIn RO
  SetShellVarContext current
  ; Started again while the wizard ran? The old program goes first, or nothing changes.
  StrCpy $R0 "安装"
  Call CheckRunning
  Call RemoveProgram
  SetOutPath "$INSTDIR"
  ClearErrors
  File "/oname=ziping.exe" "${EXE}"
  ${If} ${Errors}
    Push "无法写入 $INSTDIR\ziping.exe。"
    Call Stop
  ${EndIf}
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

;; The size 应用和功能 shows, in KB, measured after every section has installed its files (Mesa's
;; folder is a fifth of the whole).
Section "-EstimatedSize"
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
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
  StrCpy $R0 "卸载"
  Call un.CheckRunning
  ; The program first: if it stays, its entry in 应用和功能 and everything else stays too.
  Call un.RemoveProgram
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
