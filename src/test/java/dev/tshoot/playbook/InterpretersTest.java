package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one interpreter classifier, as lint uses it: does the answer (written {@code A}) reach a
 * shell or interpreter as code? Every spelling of the code flags, wrappers and paths is covered.
 */
class InterpretersTest {

    private static boolean code(String argv) {
        List<String> a = List.of(argv.split(" "));
        return Interpreters.reachesAsCode(a, a.indexOf("A"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sh -c A", "sh -xc A", "sh -e -c A", "bash -lc A", "bash -o pipefail -c A", "zsh -c A", "dash -c A", "ksh -c A",
        "fish -c A", "fish --command A", "env sh -c A", "env -i bash -c A", "env -u HOME FOO=1 bash -c A",
        "env -S A", "busybox sh -c A", "sudo -u root sh -c A", "timeout 5 sh -c A", "nice -n 5 bash -c A",
        "python3 -c A", "python -Ic A", "python3.12 -c A", "python3 -m A", "perl -e A", "perl -ne A", "perl -le A", "perl -I lib -e A",
        "ruby -e A", "node -e A", "node --eval A", "node -p A", "php -r A", "osascript -e A", "awk A",
        "pwsh -c A", "pwsh -Command A", "pwsh.exe -NoProfile -c A", "powershell A", "powershell -NoProfile A",
        "powershell -EncodedCommand A", "powershell -enc A", "powershell -e A", "powershell /Command A",
        "PowerShell.exe -ExecutionPolicy Bypass -Command A", "powershell -File A", "cmd /c A", "cmd.exe /d /s /c A",
        "CMD.EXE /C A", "cmd /k A", "/bin/sh -c A", "/usr/bin/env bash -c A", "C:\\Windows\\System32\\cmd.exe /c A",
        "sh A", "bash -x A", "python3 A", "env A",
    })
    void anAnswerReachesTheInterpreterAsCode(String argv) {
        assertThat(code(argv)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "getent hosts A", "ls -l A", "sh script.sh A", "bash -x script.sh A", "python3 tool.py A", "node app.js A",
        "powershell -File check.ps1 A", "powershell -ExecutionPolicy Bypass -File check.ps1 A", "sudo -u A ls",
        "env FOO=1 lscpu A", "docker exec A",
    })
    void anAnswerThatIsOnlyAnArgumentIsNotCode(String argv) {
        assertThat(code(argv)).isFalse();
    }
}
