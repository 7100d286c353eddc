@echo off
rem tshoot launcher for Windows: builds target\tshoot.jar when it is missing or older than the
rem sources, then runs it. "tshoot" opens the shell; "tshoot <command ...>" runs one command.
setlocal
set "DIR=%~dp0"
set "HOME_DIR=%DIR:~0,-1%"
set "JAR=%DIR%target\tshoot.jar"
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
)
java -Dtshoot.home="%HOME_DIR%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
