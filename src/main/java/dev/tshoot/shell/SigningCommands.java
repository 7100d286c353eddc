package dev.tshoot.shell;

import java.io.PrintWriter;
import java.nio.file.Path;


import dev.tshoot.app.ConsentFile;
import dev.tshoot.app.SignPlaybooks;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.playbook.Provenance;
import dev.tshoot.text.SafeText;

/**
 * {@code playbook keygen <name> [--out <folder>]}, {@code playbook sign <playbook> --key <file> [--force]}
 * and {@code playbook verify-signature <playbook>} (exit 0 signed by a key you trust, 1 not, 2 bad input).
 */
public class SigningCommands {

    private final PlaybookCatalog catalog;
    private final TshootPaths paths;
    private final ConsentFile.Loaded trust;
    private final ExitCode exit;

    public SigningCommands(PlaybookCatalog catalog, TshootPaths paths, ConsentFile.Loaded trust, ExitCode exit) {
        this.catalog = catalog;
        this.paths = paths;
        this.trust = trust;
        this.exit = exit;
    }

    void keygen(PrintWriter out, String name, String folder) {
        report(out, SignPlaybooks.keygen(name, Path.of(folder == null || folder.isBlank() ? "." : folder)));
    }

    void sign(PrintWriter out, String playbook, String key, boolean force) {
        report(out, SignPlaybooks.sign(catalog, playbook, key, force));
    }

    void verify(PrintWriter out, String playbook) {
        trust.warnings().forEach(w -> out.println(Console.yellow("warning: ") + SafeText.block(w)));
        report(out, SignPlaybooks.verify(catalog, playbook, trust.keys()));
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<SigningCommands> self) {
        return java.util.List.of(
                CommandSpec.command("playbook keygen", "Playbooks",
                        "Make an Ed25519 key pair for signing playbooks; prints the line users add to their trusted-keys")
                        .arg("name", "the signer's name")
                        .option("out", 'o', "folder", "folder for the key files (default: the current folder)")
                        .run((a, out) -> self.get().keygen(out, a.arg(0), a.value("out"))),
                CommandSpec.command("playbook sign", "Playbooks",
                        "Sign a playbook with your private key: writes <file>.sig beside it (exit 0 signed, 2 bad input)")
                        .arg("playbook", "playbook id or file")
                        .option("key", 'k', "file", "your private key file (from playbook keygen)")
                        .flag("force", "replace a different signature file")
                        .complete(CommandSpec.Completion.PLAYBOOK)
                        .run((a, out) -> self.get().sign(out, a.arg(0), a.value("key"), a.flag("force"))),
                CommandSpec.command("playbook verify-signature", "Playbooks",
                        "Check a playbook's signature against your trusted-keys (exit 0 signed by a key you trust, 1 not, 2 bad input)")
                        .arg("playbook", "playbook id or file")
                        .complete(CommandSpec.Completion.PLAYBOOK)
                        .run((a, out) -> self.get().verify(out, a.arg(0))));
    }

    void report(PrintWriter out, SignPlaybooks.Result r) {
        r.accept(new View(out, paths.trustedKeys(), exit));
        out.flush();
        exit.set(r.exitStatus());
    }

    /** What each signing command prints. */
    private record View(PrintWriter out, Path trustedKeys, ExitCode exit) implements SignPlaybooks.Result.Visitor<Void> {
        @Override public Void refused(SignPlaybooks.Refused r) {
            out.println(Console.red(SafeText.block(r.message())));
            return null;
        }

        @Override public Void notLoaded(SignPlaybooks.NotLoaded n) {
            PlaybookLoadView.use(n.load(), out, exit);
            return null;
        }

        @Override public Void keyGenerated(SignPlaybooks.KeyGenerated k) {
            out.println("Wrote the private key " + SafeText.inline(k.privateKey().toString())
                    + (k.ownerOnly() ? " (only you may read it)" : Console.yellow(" (this OS could not restrict it to you:"
                            + " keep it in a private folder)")) + ". Keep it secret; never ship it with a playbook.");
            out.println("Wrote the public line to " + SafeText.inline(k.publicLine().toString()) + ". Key id " + k.keyId() + ".");
            out.println("Whoever trusts you adds this line to their trusted-keys file (" + trustedKeys + "):");
            out.println("  " + SafeText.inline(k.trustedLine()));
            out.println("Sign a playbook with: playbook sign <playbook> --key " + SafeText.inline(k.privateKey().toString()));
            return null;
        }

        @Override public Void signed(SignPlaybooks.Signed s) {
            s.warnings().forEach(w -> out.println(Console.yellow("warning: ") + SafeText.line(w)));
            String who = SafeText.line(s.signature().signer()) + " (key " + s.signature().keyId() + ")";
            out.println(s.unchanged()
                    ? SafeText.inline(s.signatureFile().toString()) + " already holds this signature by " + who + "; nothing to do."
                    : "Signed " + SafeText.inline(s.playbook().toString()) + " as " + who + ": wrote "
                            + SafeText.inline(s.signatureFile().toString()) + ".");
            out.println(Console.dim("A user's tshoot trusts it once their trusted-keys holds: " + SafeText.line(s.trustedLine())));
            return null;
        }

        @Override public Void verified(SignPlaybooks.Verified v) {
            Provenance p = v.provenance();
            String file = SafeText.inline(v.playbook().toString());
            out.println(file + ": " + (p.trusted() ? Console.green(SafeText.line(p.describe()))
                    : Console.yellow(SafeText.line(p.describe()))) + ".");
            switch (p.status()) {
                case SIGNED, SHIPPED -> out.println(Console.dim("Its commands declared read-only run like those on tshoot's list;"
                        + " commands marked mutating still ask."));
                case UNSIGNED -> out.println(Console.dim("Commands not on tshoot's read-only list ask every time."));
                case NOT_TRUSTED -> out.println(Console.dim("If you trust its owner, add their trusted-keys line to "
                        + trustedKeys + ". Until then its commands not on tshoot's read-only list ask every time."));
                case ALTERED, MALFORMED -> out.println(Console.dim("Its commands not on tshoot's read-only list ask every"
                        + " time. Get the playbook and its .sig again from the publisher, or sign it again: playbook sign "
                        + file + " --key <private key> --force"));
            }
            return null;
        }
    }
}
