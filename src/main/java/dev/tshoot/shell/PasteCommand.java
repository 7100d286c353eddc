package dev.tshoot.shell;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

import dev.tshoot.app.PasteDiagnostics;
import dev.tshoot.playbook.PlaybookCatalog;
import dev.tshoot.text.SafeText;

/**
 * {@code paste --file <output>}: which command a pasted diagnostic output came from, its facts, and
 * where the playbook that asks for it leads with it. A separate command from {@code match}: match
 * reads error texts against the playbooks' symptoms; a paste is a command's whole output, read as
 * that command's result by the playbook's own conditions.
 */
public class PasteCommand {

    private final PlaybookCatalog catalog;
    private final InputStream stdin;
    private final ExitCode exit;

    public PasteCommand(PlaybookCatalog catalog, InputStream stdin, ExitCode exit) {
        this.catalog = catalog;
        this.stdin = stdin;
        this.exit = exit;
    }

    void paste(PrintWriter out, String file) {
        PasteDiagnostics.Result r = PasteDiagnostics.paste(catalog, file, null, stdin);
        r.accept(new PasteDiagnostics.Result.Visitor<Void>() {
            @Override
            public Void refused(PasteDiagnostics.Refused x) {
                out.println(x.message());
                return null;
            }

            @Override
            public Void unknown(PasteDiagnostics.Unknown u) {
                out.println("This is not an output tshoot knows. It reads systeminfo, Get-ComputerInfo, Get-CimInstance,"
                        + " Get-WindowsOptionalFeature, bcdedit, Get-Service, lscpu, /proc/cpuinfo, dmidecode,"
                        + " sysctl kern.hv_support, systemd-detect-virt, virt-what, kvm-ok, dmesg and lsmod."
                        + " For an error message use 'match'.");
                return null;
            }

            @Override
            public Void recognised(PasteDiagnostics.Recognised x) {
                header(out, x.what().command(), x.what().facts());
                out.println("No shipped playbook asks for this output as a check. 'match' routes error texts;"
                        + " 'start <id>' walks a playbook from its first question.");
                return null;
            }

            @Override
            public Void routed(PasteDiagnostics.Routed x) {
                header(out, x.what().command(), x.what().facts());
                out.println("Read as the result of " + x.what().command() + " in " + Console.bold(x.playbook())
                        + ", at '" + x.what().node() + "':");
                out.println("  " + String.join(" -> ", x.path()));
                out.println("Leads to '" + x.reached().id() + "' (" + x.reached().type() + "): "
                        + SafeText.line(x.reached().headline()));
                out.println(Console.dim("'start " + x.playbook() + "', answer that tshoot runs elsewhere, and paste the"
                        + " output when asked, to walk it with the transcript."));
                return null;
            }
        });
        out.flush();
        if (r.exitStatus() != ExitCode.OK) {
            exit.set(r.exitStatus());
        }
    }

    private static void header(PrintWriter out, String command, Map<String, String> facts) {
        out.println("Recognised: the output of " + Console.bold(command));
        facts.forEach((k, v) -> out.println("  " + k + ": " + SafeText.line(v)));
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<PasteCommand> self) {
        return java.util.List.of(
                CommandSpec.command("paste", "Playbooks",
                        "Name the command a pasted diagnostic output came from and where its facts lead (exit 0 routed, 1 not, 2 bad input)")
                        .option("file", "file", "the pasted output, in a file ('-': standard input)")
                        .run((a, out) -> self.get().paste(out, a.value("file"))));
    }
}
