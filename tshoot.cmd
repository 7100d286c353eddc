@echo off
rem tshoot launcher for Windows: builds target\tshoot.jar when it is missing or older than the
rem sources, then runs it. "tshoot" opens the shell; "tshoot <command ...>" runs one command.
rem For a fast start it runs the jar extracted under target\app with a class-data archive (CDS on
rem JDK 17 to 24, the AOT cache on JDK 25+), made once; it falls back to the plain jar.
rem Set TSHOOT_NO_ARCHIVE=1 to turn the archive off.
setlocal EnableExtensions
set "DIR=%~dp0"
set "HOME_DIR=%DIR:~0,-1%"
set "JAR=%DIR%target\tshoot.jar"
set "APP=%DIR%target\app"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"

set "BUILD=0"
if not exist "%JAR%" set "BUILD=1"
if "%BUILD%"=="0" (
  powershell -NoProfile -ExecutionPolicy Bypass -Command ^
    "$j=(Get-Item -LiteralPath '%JAR%').LastWriteTime; $n=Get-ChildItem -LiteralPath '%DIR%src\main','%DIR%pom.xml' -Recurse -File | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "BUILD=1"
)
if "%BUILD%"=="1" (
  where mvn >nul 2>nul
  if errorlevel 1 (
    echo tshoot: the jar needs building and Maven ^(mvn^) is not installed. Install Maven 3.8+ and a JDK 17+. 1>&2
    exit /b 2
  )
  echo tshoot: building the jar ^(first run, or the sources changed^) ... 1>&2
  pushd "%DIR%"
  call mvn -B -Dstyle.color=never -DskipTests package > "%TEMP%\tshoot-build.log" 2>&1
  if errorlevel 1 (
    type "%TEMP%\tshoot-build.log" | findstr /C:"ERROR" 1>&2
    popd
    echo tshoot: the build failed ^(full log: %TEMP%\tshoot-build.log^); run "mvn package" in %DIR% to see why. 1>&2
    exit /b 2
  )
  popd
  if exist "%APP%" rmdir /s /q "%APP%"
)

if "%TSHOOT_NO_ARCHIVE%"=="1" goto plain
if not exist "%APP%\tshoot.jar" (
  "%JAVA%" -Djarmode=tools -jar "%JAR%" extract --destination "%APP%" >nul 2>nul
  if errorlevel 1 goto plain
)
if exist "%APP%\startup.failed" goto extracted
if exist "%APP%\startup.flags" goto archived
set "FEATURE=0"
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr /i "version"') do set "JV=%%~v"
for /f "delims=." %%m in ("%JV%") do set "FEATURE=%%m"
set "MAKE="
if %FEATURE% GEQ 25 (
  set "MAKE=-XX:AOTCacheOutput=%APP%\startup.aot"
  set "USE=-XX:AOTCache=%APP%\startup.aot"
  set "FILE=%APP%\startup.aot"
) else if %FEATURE% GEQ 13 (
  set "MAKE=-XX:ArchiveClassesAtExit=%APP%\startup.jsa"
  set "USE=-XX:SharedArchiveFile=%APP%\startup.jsa"
  set "FILE=%APP%\startup.jsa"
)
if not defined MAKE (
  type nul > "%APP%\startup.failed"
  goto extracted
)
echo tshoot: preparing the start-up archive for this JDK ^(once^) ... 1>&2
(echo playbook list& echo probe list& echo exit) | "%JAVA%" %MAKE% -Xlog:disable -Dtshoot.home="%HOME_DIR%" -Dtshoot.transcripts="%TEMP%" -jar "%APP%\tshoot.jar" >nul 2>nul
"%JAVA%" %USE% -Xlog:disable -Dtshoot.home="%HOME_DIR%" -jar "%APP%\tshoot.jar" version >nul 2>nul
if errorlevel 1 (
  type nul > "%APP%\startup.failed"
  goto extracted
)
if not exist "%FILE%" (
  type nul > "%APP%\startup.failed"
  goto extracted
)
> "%APP%\startup.flags" echo %USE%

:archived
set /p USE=<"%APP%\startup.flags"
"%JAVA%" %USE% -Xlog:disable -Xlog:all=warning:stderr -Dtshoot.home="%HOME_DIR%" -jar "%APP%\tshoot.jar" %*
exit /b %ERRORLEVEL%

:extracted
"%JAVA%" -Dtshoot.home="%HOME_DIR%" -jar "%APP%\tshoot.jar" %*
exit /b %ERRORLEVEL%

:plain
"%JAVA%" -Dtshoot.home="%HOME_DIR%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
