@echo off
rem So chi bo: opens sochibo.exe in its own console window of 100 x 30 with the Consolas
rem font (it has the Vietnamese letters; the raster fonts do not) and UTF-8 (code page
rem 65001). Double-click it. Arguments are passed on (e.g. MO-SO-CHI-BO.bat --demo).
rem This file is plain ASCII on purpose: cmd reads a .bat in the OEM code page.
setlocal
cd /d "%~dp0"
if "%~1"=="--trong-cua-so" goto run

rem The console window's settings, for windows titled "SoChiBo" only (HKCU: no admin).
set "K=HKCU\Console\SoChiBo"
reg add "%K%" /v FaceName /t REG_SZ /d "Consolas" /f >nul 2>&1
reg add "%K%" /v FontFamily /t REG_DWORD /d 54 /f >nul 2>&1
reg add "%K%" /v FontWeight /t REG_DWORD /d 400 /f >nul 2>&1
rem FontSize 0x00120000: 18 pixels high. WindowSize 0x001E0064: 100 columns, 30 rows.
reg add "%K%" /v FontSize /t REG_DWORD /d 1179648 /f >nul 2>&1
reg add "%K%" /v WindowSize /t REG_DWORD /d 1966180 /f >nul 2>&1
rem ScreenBufferSize 0x012C0064: 100 columns, 300 rows of messages to scroll back.
reg add "%K%" /v ScreenBufferSize /t REG_DWORD /d 19660900 /f >nul 2>&1
reg add "%K%" /v CodePage /t REG_DWORD /d 65001 /f >nul 2>&1
rem No QuickEdit: a stray click does not freeze the program until a key is pressed.
reg add "%K%" /v QuickEdit /t REG_DWORD /d 0 /f >nul 2>&1
start "SoChiBo" "%ComSpec%" /c ""%~f0" --trong-cua-so %*"
exit /b 0

:run
shift
mode con: cols=100 lines=30 >nul 2>&1
rem chcp last, on the line that starts the program: after "chcp 65001" the cmd of
rem Windows 7 may stop reading the rest of a batch file.
chcp 65001 >nul & "%~dp0sochibo.exe" %1 %2 %3 %4 %5 %6 %7 %8 %9 & if errorlevel 1 pause
