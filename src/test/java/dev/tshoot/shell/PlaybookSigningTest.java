package dev.tshoot.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tshoot.app.ConsentFile;
import dev.tshoot.app.TrustedKeysFile;
import dev.tshoot.engine.ReadOnlyCommands;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.testing.FakeDiagnostics;
import dev.tshoot.testing.Fixtures;
import dev.tshoot.transcript.Recorder;

/**
 * Playbook signatures through the real commands: {@code playbook keygen}, {@code playbook sign},
 * {@code playbook verify-signature}, and what a signature changes in {@code run --yes}. Only a valid
 * signature, by a key in the user's trusted-keys, of exactly the bytes loaded lets a playbook's
 * "this only reads" count; an altered file, a signature of another file, a key the user does not
 * trust, a signer's name borrowed by another key, a broken signature file, a script and an answer
 * in the arguments all leave tshoot asking.
 */
class PlaybookSigningTest {

    static final String PLAYBOOK = """
            apiVersion: tshoot/v1
            kind: Playbook
            metadata:
              id: signed-walk
              version: 1.0.0
              title: A check tshoot's list does not know
              description: Runs a program that is not on the read-only list.
              sources: [https://example.org/signed]
            start: look
            nodes:
              look:
                type: check
                title: Ask the tool
                run:
                  linux: %s
                  timeout: 5s
                next:
                  - goto: done
              done:
                type: outcome
                result: resolved
                title: Done
                message: Done.
            """;

    @TempDir
    Path dir;

    Path playbooks;
    Path transcripts;
    final Adapters a = new Adapters();
    FakeDiagnostics host;

    @BeforeEach
    void setUp() throws Exception {
        playbooks = Files.createDirectories(dir.resolve("playbooks"));
        transcripts = Files.createDirectories(dir.resolve("transcripts"));
        host = new FakeDiagnostics("linux").command(List.of("acme-probe", "--status"), 0, "ok")
                .command(List.of("sh", "-c", "acme-probe --status"), 0, "ok");
    }

    private Path write(String argv) throws Exception {
        return Files.writeString(playbooks.resolve("signed-walk.yaml"), PLAYBOOK.formatted(argv));
    }

    private PlaybookCatalog catalog() {
        return Adapters.catalog(playbooks);
    }

    private ConsentFile.Loaded trusting(Path trustedKeys) {
        return new ConsentFile.Loaded(ReadOnlyCommands.builtin(), List.of())
                .with(TrustedKeysFile.load(trustedKeys, true, playbooks));
    }

    /** Makes a key named {@code name} in {@code folder}; returns its trusted-keys line. */
    private String keygen(String name, Path folder) throws Exception {
        new SigningCommands(catalog(), Adapters.paths(playbooks, transcripts), trusting(none()), a.exit)
                .keygen(a.out, name, folder.toString());
        Adapters.Run r = a.run();
        assertThat(r.exit()).as(r.out()).isZero();
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        assertThat(folder.resolve(slug + ".key")).exists();
        return Files.readString(folder.resolve(slug + ".pub")).strip();
    }

    private Path none() throws Exception {
        Path f = dir.resolve("no-keys");
        if (!Files.exists(f)) {
            Files.writeString(f, "# no keys\n");
        }
        return f;
    }

    private Adapters.Run sign(Path playbook, Path key, boolean force) {
        new SigningCommands(catalog(), Adapters.paths(playbooks, transcripts), trusting(dir.resolve("no-keys")), a.exit)
                .sign(a.out, playbook.toString(), key.toString(), force);
        return a.run();
    }

    private Adapters.Run verify(Path playbook, Path trustedKeys) {
        new SigningCommands(catalog(), Adapters.paths(playbooks, transcripts), trusting(trustedKeys), a.exit)
                .verify(a.out, playbook.toString());
        return a.run();
    }

    private int runs;

    private Adapters.Run runYes(Path playbook, Path trustedKeys) throws Exception {
        // the test engine's clock and ids repeat, so each run gets its own transcripts folder
        Path folder = Files.createDirectories(transcripts.resolve("run" + ++runs));
        new RunCommand(catalog(), new Recorder(Fixtures.engine(), folder, "test", false), host, a.exit,
                trusting(trustedKeys)).run(a.out, playbook.toString(), null, true, false, false);
        return a.run();
    }

    private Path trust(String... lines) throws Exception {
        return Files.writeString(dir.resolve("trusted-keys"), String.join("\n", lines) + "\n");
    }

    @Test
    void aTrustedSignatureLetsTheDeclarationCountAndAnythingElseAsks() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        none();
        String acme = keygen("Acme Support", keys);
        String mallory = keygen("Mallory", keys);
        Path pb = write("[acme-probe, --status]");

        // unsigned: tshoot's list decides, and acme-probe is not on it
        Adapters.Run r = runYes(pb, trust(acme));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("tshoot does not know that acme-probe only reads");
        assertThat(host.commands).isEmpty();
        assertThat(verify(pb, trust(acme))).satisfies(v -> {
            assertThat(v.exit()).isEqualTo(1);
            assertThat(v.out()).contains("unsigned (no signature file beside it)");
        });

        // signed by a key the user trusts: the playbook's word counts
        r = sign(pb, keys.resolve("acme-support.key"), false);
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("Signed " + pb + " as Acme Support (key ");
        Path sig = Path.of(pb + ".sig");
        assertThat(sig).exists();
        assertThat(verify(pb, trust(acme))).satisfies(v -> {
            assertThat(v.exit()).as(v.out()).isZero();
            assertThat(v.out()).contains(": signed by Acme Support (key ");
        });
        r = runYes(pb, trust(acme));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(host.commands).extracting(c -> c.argv()).containsExactly(List.of("acme-probe", "--status"));
        host.commands.clear();

        // the same signature, but the user trusts another key only
        r = runYes(pb, trust(mallory));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("which is not in your trusted-keys");
        assertThat(verify(pb, trust(mallory)).exit()).isEqualTo(1);

        // Mallory signs under Acme's name: the key id decides, not the name
        r = sign(pb, keys.resolve("mallory.key"), true);
        assertThat(r.exit()).as(r.out()).isZero();
        String forged = Files.readString(sig, StandardCharsets.UTF_8).replace("Mallory", "Acme Support");
        Files.writeString(sig, forged);
        r = runYes(pb, trust(acme));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(verify(pb, trust(acme)).out()).contains("not signed by anyone you trust");
        assertThat(host.commands).isEmpty();

        // a file changed after it was signed by the trusted key
        sign(pb, keys.resolve("acme-support.key"), true);
        Files.writeString(pb, Files.readString(pb).replace("version: 1.0.0", "version: 1.0.1"));
        r = runYes(pb, trust(acme));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("the file changed after it was signed");
        assertThat(verify(pb, trust(acme)).exit()).isEqualTo(1);
        assertThat(host.commands).isEmpty();

        // a trusted signature of another file, copied beside this one
        Path other = Files.writeString(playbooks.resolve("other.yaml"),
                PLAYBOOK.formatted("[acme-probe, --status]").replace("id: signed-walk", "id: other"));
        sign(other, keys.resolve("acme-support.key"), false);
        Files.copy(Path.of(other + ".sig"), sig, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        write("[acme-probe, --status]");
        r = runYes(pb, trust(acme));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("the signature is of a file with another SHA-256");

        // a broken signature file
        Files.writeString(sig, "tshoot-playbook-signature: 1\ngarbage\n");
        assertThat(verify(pb, trust(acme)).out()).contains("its signature file cannot be used");
        assertThat(runYes(pb, trust(acme)).exit()).isEqualTo(2);
        assertThat(host.commands).isEmpty();
    }

    @Test
    void aSignatureDoesNotMakeAScriptReadOnly() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        none();
        String acme = keygen("Acme Support", keys);
        Path pb = write("[sh, -c, \"acme-probe --status\"]");
        assertThat(sign(pb, keys.resolve("acme-support.key"), false).exit()).isZero();
        assertThat(verify(pb, trust(acme)).exit()).isZero();
        Adapters.Run r = runYes(pb, trust(acme));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("sh runs any command").contains("a signature does not make a script read-only");
        assertThat(host.commands).isEmpty();
    }

    @Test
    void keygenNeverOverwritesAKey() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        none();
        keygen("Acme Support", keys);
        String before = Files.readString(keys.resolve("acme-support.key"));
        new SigningCommands(catalog(), Adapters.paths(playbooks, transcripts), trusting(none()), a.exit)
                .keygen(a.out, "Acme Support", keys.toString());
        Adapters.Run r = a.run();
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("exists; tshoot never overwrites a key");
        assertThat(Files.readString(keys.resolve("acme-support.key"))).isEqualTo(before);
    }

    /** attacks/files/008: a file that is not a playbook (an /etc/passwd) is refused, not called "unsigned". */
    @Test
    void verifySignatureOfAFileThatIsNotAPlaybookIsBadInput() throws Exception {
        none();
        Path passwd = Files.write(dir.resolve("passwd"),
                Files.readAllBytes(Fixtures.resource("attacks/files/008_not_a_playbook.txt")));
        Adapters.Run r = verify(passwd, dir.resolve("no-keys"));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out().strip()).isEqualTo(Files.readString(Fixtures.resource("attacks/files/008_not_a_playbook.expected")).strip()
                .replace("<file>", passwd.toString()));
        assertThat(r.out()).doesNotContain("unsigned");
    }
}
