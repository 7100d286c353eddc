package dev.tshoot.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each playbook file is parsed once per process while it stays the same, hand-over targets
 * included: loading the shipped folder, whose playbooks hand over to each other, parses each of
 * its files once; loading it again parses nothing; an edited file (size or modification time) is
 * parsed again, and a playbook handing over to it sees the edit.
 */
class ParsedOnceTest {

    @TempDir
    Path dir;

    private void copyShipped() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("playbooks"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
    }

    private static List<String> summary(List<PlaybookLoader.Result> results) {
        return results.stream().map(r -> (r.playbook() == null ? "-" : r.playbook().id() + " " + r.playbook().sha256())
                + " " + r.findings()).toList();
    }

    @Test
    void eachFileIsParsedOnceHandOverTargetsIncluded() throws Exception {
        copyShipped();
        PlaybookCatalog catalog = new PlaybookCatalog(dir, Set.of());
        ParsedFiles parsed = catalog.loaderForTests().parsedFiles();

        List<PlaybookLoader.Result> first = catalog.loadAll();
        assertThat(first).hasSize(3).allMatch(PlaybookLoader.Result::valid);
        assertThat(parsed.parses()).isEqualTo(3); // not 3 + one per hand-over (7 of them)

        List<PlaybookLoader.Result> again = catalog.loadAll();
        assertThat(parsed.parses()).isEqualTo(3);
        assertThat(summary(again)).isEqualTo(summary(first));
        assertThat(summary(again)).isEqualTo(summary(new PlaybookCatalog(dir, Set.of()).loadAll())); // as a fresh process reads it
    }

    @Test
    void anEditedFileIsParsedAgainAndItsHandOversSeeTheEdit() throws Exception {
        copyShipped();
        PlaybookCatalog catalog = new PlaybookCatalog(dir, Set.of());
        ParsedFiles parsed = catalog.loaderForTests().parsedFiles();
        catalog.loadAll();
        assertThat(parsed.parses()).isEqualTo(3);

        // the target node renamed, same size, the time moved on: parsed again, and the hand-over to it is refused
        Path target = dir.resolve("docker-desktop-nested-virtualization.yaml");
        FileTime before = Files.getLastModifiedTime(target);
        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertThat(text).contains("  ask-hypervisor:");
        Files.writeString(target, text.replace("  ask-hypervisor:", "  ask-hypervisoR:"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(target, FileTime.fromMillis(before.toMillis() + 2000));
        List<PlaybookLoader.Result> after = catalog.loadAll();
        assertThat(parsed.parses()).isEqualTo(4);
        assertThat(summary(after)).isEqualTo(summary(new PlaybookCatalog(dir, Set.of()).loadAll()));
        PlaybookLoader.Result kvm = catalog.load(dir.resolve("docker-desktop-linux-kvm.yaml"));
        assertThat(kvm.valid()).isFalse();
        assertThat(kvm.findings().toString()).contains("ask-hypervisor");
        assertThat(parsed.parses()).isEqualTo(4);

        // same time, another size: parsed again
        Files.writeString(target, text + "# edited\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(target, FileTime.fromMillis(before.toMillis() + 2000));
        assertThat(catalog.load(target).valid()).isTrue();
        assertThat(parsed.parses()).isEqualTo(5);
        assertThat(catalog.load(dir.resolve("docker-desktop-linux-kvm.yaml")).valid()).isTrue();
        assertThat(parsed.parses()).isEqualTo(5);
    }

    @Test
    void bytesGivenDirectlyAreNeverKept() {
        PlaybookLoader loader = new PlaybookLoader();
        byte[] b = "id: x\n".getBytes(StandardCharsets.UTF_8);
        loader.load("x.yaml", b, "x");
        loader.load("x.yaml", b, "x");
        assertThat(loader.parsedFiles().parses()).isZero(); // not through the file cache at all
    }
}
