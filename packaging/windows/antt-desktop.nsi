; The Windows installer of ANTT Desktop (NSIS 3, Unicode, 64-bit).
;
; Built by `python packaging/build.py`, which passes the defines below:
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DPAYLOAD=<one-folder build>
;            -DOUTFILE=<setup.exe> [-DEXE=] packaging/windows/antt-desktop.nsi
; EXE is ".exe" for the Windows build; the Linux build compiled as a stand-in payload (to
; check this script on every change) passes it empty.
;
; What it does: a per-machine install under Program Files; Start-menu and desktop shortcuts
; "ANTT Desktop"; the `antt` command on the machine's PATH and a Start-menu console with it;
; an uninstaller that keeps the post's data unless "Xóa cả dữ liệu" is ticked.
; Upgrades: the new version is unpacked beside the old one and swapped in only when all of
; it is written, so a full disk or a running program leaves the old version working.
; The data (database, key file, settings, backups) lives in the user's folder
; %LOCALAPPDATA%\ANTT Desktop, never beside the program.
;
; Silent use: setup.exe /S [/D=C:\path]  ·  Uninstall.exe /S [/DELETEDATA]
; Exit codes: 0 done; 1 cancelled; 2 stopped by a check (its message is shown, or in a
; silent run only its exit code): the program is running, the disk is full, Windows is not
; 64-bit 8.1 or later, another setup is running, or a file could not be written.

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma
AllowSkipFiles off

!ifndef VERSION | VERSION4 | PAYLOAD | OUTFILE
  !error "Build with packaging/build.py: it passes VERSION, VERSION4, PAYLOAD and OUTFILE"
!endif
!ifndef EXE
  !define EXE ".exe"
!endif

!define APP "ANTT Desktop"
!define PUBLISHER "ANTT Desktop"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ANTT Desktop"
!define ENV_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
; the folder platformdirs gives the program on Windows (antt_desktop/cli/env.py, APP_NAME)
!define DATA_FOLDER "ANTT Desktop"
; room kept free beyond the program itself while the new version is unpacked beside the old
!define MARGIN_KB 51200

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WinVer.nsh
!include x64.nsh
!include nsDialogs.nsh
!include WinMessages.nsh

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

Var OldVersion
Var Staging
Var DeleteData
Var DataCheckbox

; ---------------------------------------------------------------- pages
!define MUI_ICON "antt-desktop.ico"
!define MUI_UNICON "antt-desktop.ico"
!define MUI_WELCOMEFINISHPAGE_BITMAP "wizard.bmp"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "wizard.bmp"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_WINDOWTITLE "${APP} ${VERSION}"
!define MUI_LANGDLL_INFO "Chọn ngôn ngữ của trình cài đặt / Choose the installer's language:"

!define MUI_WELCOMEPAGE_TEXT "$(WELCOME_TEXT)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE CheckDirectory
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "$(RUN_NOW)"
!define MUI_FINISHPAGE_RUN_FUNCTION RunUnelevated
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

; the first language is the default one
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

; ---------------------------------------------------------------- texts
LangString WELCOME_TEXT ${LANG_VIETNAMESE} "Trình cài đặt sẽ cài ${APP} ${VERSION}, phần mềm quản lý hồ sơ của Công an xã, phường, cho mọi tài khoản của máy này.$\r$\n$\r$\n$OldVersionDữ liệu của đơn vị (hồ sơ, tài khoản, bản sao lưu) được giữ nguyên khi cài bản mới hay gỡ chương trình.$\r$\n$\r$\nHãy đóng ${APP} trước khi tiếp tục. $_CLICK"
LangString WELCOME_TEXT ${LANG_ENGLISH} "This will install ${APP} ${VERSION}, the records program of commune police posts, for every account of this computer.$\r$\n$\r$\n$OldVersionThe post's data (dossiers, accounts, backups) is kept when a new version is installed or the program is removed.$\r$\n$\r$\nPlease close ${APP} before you continue. $_CLICK"
LangString UPGRADE_FROM ${LANG_VIETNAMESE} "Máy đang có bản $0: bản này sẽ thay thế bản đó.$\r$\n$\r$\n"
LangString UPGRADE_FROM ${LANG_ENGLISH} "Version $0 is installed: this one replaces it.$\r$\n$\r$\n"
LangString SEC_PROGRAM ${LANG_VIETNAMESE} "${APP}"
LangString SEC_PROGRAM ${LANG_ENGLISH} "${APP}"
LangString SEC_DESKTOP ${LANG_VIETNAMESE} "Biểu tượng màn hình nền"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString SEC_PATH ${LANG_VIETNAMESE} "Lệnh antt"
LangString SEC_PATH ${LANG_ENGLISH} "The antt command"
LangString DESC_PROGRAM ${LANG_VIETNAMESE} "Cửa sổ chương trình, lệnh antt và biểu tượng ở menu Start (bắt buộc)."
LangString DESC_PROGRAM ${LANG_ENGLISH} "The program window, the antt command and the Start-menu shortcuts (required)."
LangString DESC_DESKTOP ${LANG_VIETNAMESE} "Biểu tượng ${APP} trên màn hình nền của mọi tài khoản."
LangString DESC_DESKTOP ${LANG_ENGLISH} "An ${APP} shortcut on every account's desktop."
LangString DESC_PATH ${LANG_VIETNAMESE} "Gõ antt ở bất kỳ cửa sổ dòng lệnh nào (thêm thư mục chương trình vào PATH của máy)."
LangString DESC_PATH ${LANG_ENGLISH} "Type antt in any console window (adds the program folder to the machine's PATH)."
LangString CONSOLE_LINK ${LANG_VIETNAMESE} "${APP} - dòng lệnh"
LangString CONSOLE_LINK ${LANG_ENGLISH} "${APP} - command line"
LangString RUN_NOW ${LANG_VIETNAMESE} "Mở ${APP} ngay"
LangString RUN_NOW ${LANG_ENGLISH} "Start ${APP} now"
LangString NEED_WINDOWS ${LANG_VIETNAMESE} "${APP} cần Windows 64-bit (Windows 10 hoặc 11; ít nhất Windows 8.1). Máy này không cài được."
LangString NEED_WINDOWS ${LANG_ENGLISH} "${APP} needs 64-bit Windows (Windows 10 or 11; 8.1 at least). It cannot be installed on this computer."
LangString ALREADY_RUNNING ${LANG_VIETNAMESE} "Trình cài đặt ${APP} đang chạy ở một cửa sổ khác."
LangString ALREADY_RUNNING ${LANG_ENGLISH} "The ${APP} setup is already running in another window."
LangString PROGRAM_OPEN ${LANG_VIETNAMESE} "${APP} đang mở (cửa sổ chương trình hoặc lệnh antt).$\r$\n$\r$\nHãy lưu công việc, đóng chương trình rồi bấm Retry (Thử lại). Bấm Cancel (Hủy) để dừng: bản đang dùng không bị thay đổi."
LangString PROGRAM_OPEN ${LANG_ENGLISH} "${APP} is open (the program window or an antt command).$\r$\n$\r$\nSave your work, close the program, then press Retry. Cancel stops here: the installed version stays as it is."
LangString DISK_FULL ${LANG_VIETNAMESE} "Ổ đĩa $0 không đủ chỗ trống: cần $1 MB, còn $2 MB.$\r$\n$\r$\nHãy giải phóng chỗ trống (hoặc chọn ổ đĩa khác) rồi thử lại. Bản đang dùng không bị thay đổi."
LangString DISK_FULL ${LANG_ENGLISH} "Drive $0 has too little free space: $1 MB needed, $2 MB free.$\r$\n$\r$\nFree some space (or choose another drive) and try again. The installed version stays as it is."
LangString WRITE_FAILED ${LANG_VIETNAMESE} "Không chép được chương trình vào $INSTDIR (ổ đĩa đầy, không có quyền ghi, hoặc một tệp đang được mở).$\r$\n$\r$\nBản đang dùng không bị thay đổi."
LangString WRITE_FAILED ${LANG_ENGLISH} "The program could not be copied to $INSTDIR (the disk is full, writing is not allowed, or a file is open).$\r$\n$\r$\nThe installed version stays as it is."
LangString PATH_FAILED ${LANG_VIETNAMESE} "Chưa thêm được lệnh antt vào PATH (mã $0). Vẫn dùng được qua biểu tượng '$(CONSOLE_LINK)' ở menu Start."
LangString PATH_FAILED ${LANG_ENGLISH} "The antt command could not be added to PATH (code $0). It still works from the '$(CONSOLE_LINK)' Start-menu shortcut."
LangString DATA_TITLE ${LANG_VIETNAMESE} "Dữ liệu của đơn vị"
LangString DATA_TITLE ${LANG_ENGLISH} "The post's data"
LangString DATA_SUBTITLE ${LANG_VIETNAMESE} "Giữ lại hay xóa dữ liệu khi gỡ chương trình."
LangString DATA_SUBTITLE ${LANG_ENGLISH} "Keep or delete the data when the program is removed."
LangString DATA_TEXT ${LANG_VIETNAMESE} "Dữ liệu của tài khoản Windows này (cơ sở dữ liệu đã mã hóa, tệp khóa, cài đặt, bản sao lưu tự động) nằm ở:$\r$\n$\r$\n$LOCALAPPDATA\${DATA_FOLDER}$\r$\n$\r$\nMặc định dữ liệu được giữ lại: cài lại hay cài bản mới vẫn mở được hồ sơ cũ. Chỉ xóa khi máy không còn dùng cho đơn vị, và sau khi đã sao lưu hoặc đồng bộ với đơn vị cấp trên."
LangString DATA_TEXT ${LANG_ENGLISH} "This Windows account's data (the encrypted database, its key file, settings, automatic backups) is in:$\r$\n$\r$\n$LOCALAPPDATA\${DATA_FOLDER}$\r$\n$\r$\nBy default the data is kept: reinstalling or installing a new version opens the same records. Delete it only when the computer no longer serves the post, after a backup or a sync with the upper unit."
LangString DATA_CHECKBOX ${LANG_VIETNAMESE} "Xóa cả dữ liệu (không thể khôi phục)"
LangString DATA_CHECKBOX ${LANG_ENGLISH} "Delete the data too (cannot be undone)"
LangString DATA_CONFIRM ${LANG_VIETNAMESE} "Xóa vĩnh viễn toàn bộ dữ liệu trong $LOCALAPPDATA\${DATA_FOLDER}?$\r$\n$\r$\nHồ sơ chưa sao lưu hoặc chưa đồng bộ sẽ mất hẳn."
LangString DATA_CONFIRM ${LANG_ENGLISH} "Delete all the data in $LOCALAPPDATA\${DATA_FOLDER} for good?$\r$\n$\r$\nRecords not backed up or synced are lost."
LangString DATA_KEPT ${LANG_VIETNAMESE} "Dữ liệu được giữ lại ở $LOCALAPPDATA\${DATA_FOLDER}"
LangString DATA_KEPT ${LANG_ENGLISH} "The data is kept in $LOCALAPPDATA\${DATA_FOLDER}"

; ---------------------------------------------------------------- checks
!macro REFUSE MESSAGE
  MessageBox MB_OK|MB_ICONSTOP "${MESSAGE}" /SD IDOK
  SetErrorLevel 2
  Quit
!macroend

Function .onInit
  System::Call 'kernel32::CreateMutex(p 0, i 0, t "ANTTDesktopSetup") p .r1 ?e'
  Pop $0
  ${If} $0 == 183  ; ERROR_ALREADY_EXISTS
    !insertmacro REFUSE "$(ALREADY_RUNNING)"
  ${EndIf}
  ; Vietnamese first whatever the language of Windows (the dialog offers English; a language
  ; chosen before is remembered)
  StrCpy $LANGUAGE ${LANG_VIETNAMESE}
  !insertmacro MUI_LANGDLL_DISPLAY
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin8.1}
    !insertmacro REFUSE "$(NEED_WINDOWS)"
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  StrCpy $OldVersion ""
  ReadRegStr $0 HKLM "${UNINST_KEY}" "DisplayVersion"
  ${If} $0 != ""
    StrCpy $OldVersion "$(UPGRADE_FROM)"
  ${EndIf}
FunctionEnd

; Retry until neither program of the installed version is open: Windows refuses to open a
; running program's file for writing, which is the test.
!macro WAIT_UNTIL_CLOSED UN
Function ${UN}WaitUntilClosed
  ${Do}
    StrCpy $1 ""
    ${If} ${FileExists} "$INSTDIR\antt-desktop${EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\antt-desktop${EXE}" a
      ${If} ${Errors}
        StrCpy $1 "open"
      ${Else}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\antt${EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\antt${EXE}" a
      ${If} ${Errors}
        StrCpy $1 "open"
      ${Else}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${If} $1 == ""
      Return
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(PROGRAM_OPEN)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Quit
    retry:
  ${Loop}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

; ---------------------------------------------------------------- install
Section "$(SEC_PROGRAM)" SecProgram
  SectionIn RO
  Call WaitUntilClosed
  Call FreeSpaceShort
  ${If} $3 == 1
    !insertmacro REFUSE "$(DISK_FULL)"
  ${EndIf}
  ${GetParent} "$INSTDIR" $0
  CreateDirectory "$0"

  ; unpack into a staging folder beside the target
  StrCpy $Staging "$INSTDIR.new"
  RMDir /r "$Staging"
  SetOutPath "$Staging"
  File /r "${PAYLOAD}/*"
  File "antt-desktop.ico"
  WriteUninstaller "$Staging\Uninstall.exe"

  ; swap it in: the old version moves aside whole and is removed only once the new one is in
  SetOutPath "$TEMP"
  ${If} ${FileExists} "$INSTDIR\*"
    RMDir /r "$INSTDIR.old"
    ClearErrors
    Rename "$INSTDIR" "$INSTDIR.old"
    ${If} ${Errors}
      RMDir /r "$Staging"
      !insertmacro REFUSE "$(WRITE_FAILED)"
    ${EndIf}
  ${EndIf}
  ClearErrors
  Rename "$Staging" "$INSTDIR"
  ${If} ${Errors}
    Rename "$INSTDIR.old" "$INSTDIR"
    RMDir /r "$Staging"
    !insertmacro REFUSE "$(WRITE_FAILED)"
  ${EndIf}
  RMDir /r "$INSTDIR.old"
  SetOutPath "$INSTDIR"

  ; Start menu: the program, and a console where antt works even without the PATH entry
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\antt-desktop${EXE}" "" \
      "$INSTDIR\antt-desktop.ico" 0 SW_SHOWNORMAL "" "$(DESC_PROGRAM)"
  CreateShortcut "$SMPROGRAMS\${APP}\$(CONSOLE_LINK).lnk" "$SYSDIR\cmd.exe" \
      '/k "set "PATH=$INSTDIR;%PATH%" && cd /d "%USERPROFILE%" && antt --help"' \
      "$INSTDIR\antt-desktop.ico" 0

  ; Programs and Features
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\antt-desktop.ico"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\antt-desktop${EXE}" "" \
      "$INSTDIR\antt-desktop.ico" 0 SW_SHOWNORMAL "" "$(DESC_PROGRAM)"
SectionEnd

; PATH is edited by PowerShell (part of every Windows 10/11): NSIS strings stop at 1,024
; characters and would cut a long PATH. The folder reaches the script through an environment
; variable, so no quoting of the path is needed; the value keeps its REG_EXPAND_SZ type and
; its %variables%, and an entry already there is not added twice.
!macro EDIT_PATH ACTION
  System::Call 'kernel32::SetEnvironmentVariable(t "ANTT_INSTDIR", t "$INSTDIR")'
  nsExec::ExecToLog `"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$key = 'HKLM:\${ENV_KEY}'; $$old = (Get-Item -LiteralPath $$key).GetValue('Path', '', 'DoNotExpandEnvironmentNames'); $$dir = $$env:ANTT_INSTDIR.TrimEnd('\'); $$parts = @($$old -split ';' | Where-Object { $$_ -and $$_.TrimEnd('\') -ne $$dir }); if ('${ACTION}' -eq 'add') { $$parts += $$dir }; Set-ItemProperty -LiteralPath $$key -Name Path -Value ($$parts -join ';') -Type ExpandString"`
  Pop $0
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
!macroend

Section "$(SEC_PATH)" SecPath
  !insertmacro EDIT_PATH add
  ${If} $0 == 0
    WriteRegDWORD HKLM "${UNINST_KEY}" "OnPath" 1
  ${Else}
    DetailPrint "$(PATH_FAILED)"
  ${EndIf}
SectionEnd

; Enough free space for the new version beside the old one, checked before anything is
; written so that a full disk never leaves a half-installed program. $3 is 1 when short,
; with the drive in $0 and the MB needed and free in $1 and $2.
Function FreeSpaceShort
  StrCpy $3 0
  SectionGetSize ${SecProgram} $1
  IntOp $1 $1 + ${MARGIN_KB}
  ${GetRoot} "$INSTDIR" $0
  ClearErrors
  ${DriveSpace} "$0\" "/D=F /S=K" $2
  ${If} ${Errors}
    Return  ; a drive Windows cannot measure (a network share): the copy itself will tell
  ${EndIf}
  ${If} $2 < $1
    StrCpy $3 1
    IntOp $1 $1 / 1024
    IntOp $2 $2 / 1024
  ${EndIf}
FunctionEnd

Function CheckDirectory  ; the folder page: another drive may be chosen
  Call FreeSpaceShort
  ${If} $3 == 1
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(DISK_FULL)"
    Abort
  ${EndIf}
FunctionEnd

Function .onInstFailed
  RMDir /r "$INSTDIR.new"
FunctionEnd

Function RunUnelevated
  ; the setup runs as administrator; the program must not (its files belong to the officer)
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\antt-desktop${EXE}"'
FunctionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(DESC_PROGRAM)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(DESC_DESKTOP)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecPath} "$(DESC_PATH)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; ---------------------------------------------------------------- uninstall
Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
  SetRegView 64
  SetShellVarContext all
  StrCpy $DeleteData 0
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/DELETEDATA" $1
  ${IfNot} ${Errors}
    StrCpy $DeleteData 1
  ${EndIf}
FunctionEnd

Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "$(DATA_TITLE)" "$(DATA_SUBTITLE)"
  SetShellVarContext current
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 70% "$(DATA_TEXT)"
  Pop $0
  ${NSD_CreateCheckbox} 0 75% 100% 12u "$(DATA_CHECKBOX)"
  Pop $DataCheckbox
  SetShellVarContext all
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DataCheckbox $DeleteData
  ${If} $DeleteData == ${BST_CHECKED}
    SetShellVarContext current
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(DATA_CONFIRM)" IDYES confirmed
    SetShellVarContext all
    Abort  ; stays on the page
    confirmed:
    SetShellVarContext all
    StrCpy $DeleteData 1
  ${Else}
    StrCpy $DeleteData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Call un.WaitUntilClosed
  ReadRegDWORD $0 HKLM "${UNINST_KEY}" "OnPath"
  ${If} $0 == 1
    !insertmacro EDIT_PATH remove
  ${EndIf}

  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  ; only what the setup put there: a folder chosen by hand may hold other things
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\antt-desktop${EXE}"
  Delete "$INSTDIR\antt${EXE}"
  Delete "$INSTDIR\antt-desktop.ico"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"

  SetShellVarContext current
  ${If} $DeleteData == 1
    RMDir /r "$LOCALAPPDATA\${DATA_FOLDER}"
  ${Else}
    DetailPrint "$(DATA_KEPT)"
  ${EndIf}
SectionEnd
