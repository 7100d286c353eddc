package dev.tshoot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The skip-unless-required rule for chromium and asciinema tests. */
class ExternalToolTest {

    @Test
    void aMissingToolSkipsUnlessRequired() {
        assertThatThrownBy(() -> ExternalTool.require(Map.of(), "TSHOOT_REQUIRE_X", "x-pkg", "no-such-tool-4711"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("set TSHOOT_REQUIRE_X=1");
        assertThatThrownBy(() -> ExternalTool.require(Map.of("TSHOOT_REQUIRE_X", "1"), "TSHOOT_REQUIRE_X", "x-pkg",
                "no-such-tool-4711")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("TSHOOT_REQUIRE_X=1 requires it, but no-such-tool-4711 is not on the PATH")
                .hasMessageContaining("apt-get install -y x-pkg");
    }

    @Test
    void aToolOnThePathIsFound() {
        assertThat(ExternalTool.find("no-such-tool-4711", "sh")).isPresent();
    }
}
