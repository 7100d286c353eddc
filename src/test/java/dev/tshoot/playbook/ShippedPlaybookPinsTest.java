package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.testing.GoldenFiles;

class ShippedPlaybookPinsTest {

    static final Path PLAYBOOKS = Path.of("playbooks");
    static final Path PINS = Path.of("src/main/resources" + ShippedPlaybooks.RESOURCE);
    static final GoldenFiles UPDATE = new GoldenFiles("pins.update",
            "mvn -o -q test -Dtest=ShippedPlaybookPinsTest -Dpins.update=true");

    @TempDir
    Path dir;

    /** The pins in the build are exactly the playbooks in playbooks/, byte for byte. */
    @Test
    void everyShippedPlaybookIsPinnedAndNothingElse() throws Exception {
        Map<String, String> want = new TreeMap<>();
        try (Stream<Path> files = Files.list(PLAYBOOKS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                want.put(f.getFileName().toString(), PlaybookLoader.sha256(Files.readAllBytes(f)));
            }
        }
        StringBuilder text = new StringBuilder();
        want.forEach((name, sha) -> text.append(sha).append("  ").append(name).append('\n'));
        if (UPDATE.updating()) {
            UPDATE.writeAndFail(Map.of(PINS, text.toString().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(want).hasSize(3);
        assertThat(Files.readString(PINS)).as("a shipped playbook changed: update the pins with " +
                "mvn -o -q test -Dtest=ShippedPlaybookPinsTest -Dpins.update=true").isEqualTo(text.toString());
        Map<String, String> loaded = new TreeMap<>();
        ShippedPlaybooks.pins().forEach((sha, name) -> loaded.put(name, sha));
        assertThat(loaded).isEqualTo(want);
    }

    @Test
    void aShippedPlaybookIsShippedWhereverItLiesAndOneByteChangedMakesItUnsigned() throws Exception {
        Path copy = Files.copy(PLAYBOOKS.resolve("docker-desktop-linux-kvm.yaml"), dir.resolve("docker-desktop-linux-kvm.yaml"));
        Playbook pb = new PlaybookLoader().load(copy).playbook();
        Provenance p = Signatures.check(pb, TrustedKeys.NONE);
        assertThat(p.status()).isEqualTo(Provenance.Status.SHIPPED);
        assertThat(p.trusted()).isTrue();
        assertThat(p.vouchesFor(pb)).isTrue();
        assertThat(p.describe()).isEqualTo("shipped with tshoot (docker-desktop-linux-kvm.yaml, unchanged: its SHA-256"
                + " is pinned in this build)");

        byte[] b = Files.readAllBytes(copy);
        b[b.length - 1] = (byte) (b[b.length - 1] == '\n' ? ' ' : '\n');
        Files.write(copy, b);
        Playbook altered = new PlaybookLoader().load(copy).playbook();
        Provenance q = Signatures.check(altered, TrustedKeys.NONE);
        assertThat(q.status()).isEqualTo(Provenance.Status.UNSIGNED);
        assertThat(q.trusted()).isFalse();
    }

    @Test
    void aPinFileThatIsNotSha256sumIsABuildError() {
        assertThat(ShippedPlaybooks.parse("%s  a.yaml\n".formatted("ab".repeat(32)))).containsEntry("ab".repeat(32), "a.yaml");
        assertThatThrownBy(() -> ShippedPlaybooks.parse("abc  a.yaml\n")).hasMessageContaining("not a pin line: abc  a.yaml");
        assertThatThrownBy(() -> ShippedPlaybooks.parse("%s  ../x.yaml\n".formatted("ab".repeat(32))))
                .hasMessageContaining("not a pin line");
    }
}
