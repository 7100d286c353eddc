package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OsFamilyTest {

    @Test
    void detectsTheFamilyFromAnOsName() {
        assertThat(OsFamily.fromOsName("Windows 11")).isEqualTo(OsFamily.WINDOWS);
        assertThat(OsFamily.fromOsName("Windows Server 2022")).isEqualTo(OsFamily.WINDOWS);
        assertThat(OsFamily.fromOsName("Linux")).isEqualTo(OsFamily.LINUX);
        assertThat(OsFamily.fromOsName("Mac OS X")).isEqualTo(OsFamily.MACOS);
        assertThat(OsFamily.fromOsName("Darwin")).isEqualTo(OsFamily.MACOS);
        assertThat(OsFamily.fromOsName(" linux ")).isEqualTo(OsFamily.LINUX);
        assertThat(OsFamily.fromOsName("FreeBSD")).isEqualTo(OsFamily.OTHER);
        assertThat(OsFamily.fromOsName("")).isEqualTo(OsFamily.OTHER);
        assertThat(OsFamily.fromOsName(null)).isEqualTo(OsFamily.OTHER);
    }

    @Test
    void currentIsTheJvmsOsName() {
        assertThat(OsFamily.current()).isEqualTo(OsFamily.fromOsName(System.getProperty("os.name")));
    }

    @Test
    void namesAreTheWordsPlaybooksAndTranscriptsUse() {
        assertThat(Arrays.stream(OsFamily.values()).map(OsFamily::id)).containsExactly("windows", "linux", "macos", "other");
        assertThat(OsFamily.names()).containsExactly("windows", "linux", "macos", "other");
        assertThat(OsFamily.playbookNames()).containsExactly("windows", "linux", "macos");
        assertThat("this is " + OsFamily.MACOS).isEqualTo("this is macos");
    }

    @Test
    void parsesOnlyExactNames() {
        for (OsFamily f : OsFamily.values()) {
            assertThat(OsFamily.fromName(f.id())).contains(f);
        }
        assertThat(OsFamily.fromName("Linux")).isEqualTo(Optional.empty());
        assertThat(OsFamily.fromName("LINUX")).isEmpty();
        assertThat(OsFamily.fromName("mac")).isEmpty();
        assertThat(OsFamily.fromName("")).isEmpty();
        assertThat(OsFamily.fromName(null)).isEmpty();
    }
}
