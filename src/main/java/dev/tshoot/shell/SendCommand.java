package dev.tshoot.shell;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.tshoot.app.SendCase;
import dev.tshoot.handoff.Sender;
import dev.tshoot.text.SafeText;

/**
 * {@code send <transcript|bundle> --url <pre-signed URL>} or {@code --bucket <name> [--prefix]
 * [--endpoint] [--region]}. Exit 0 sent, 2 bad input, 6 not sent (the bundle is kept).
 */
public class SendCommand {

    private final TshootPaths paths;
    private final ExitCode exit;

    public SendCommand(TshootPaths paths, ExitCode exit) {
        this.paths = paths;
        this.exit = exit;
    }

    void send(PrintWriter out, SendCase.Request request) {
        StringWriter text = new StringWriter();
        int status = new SendCase(paths.transcripts(), paths.playbooks(), new Sender()).run(request, new PrintWriter(text));
        out.print(SafeText.block(text.toString())); // the store's own error text is untrusted
        out.flush();
        exit.set(status);
    }

    /** The commands this adapter runs, as both front ends know them. */
    static java.util.List<CommandSpec> commands(java.util.function.Supplier<SendCommand> self) {
        return java.util.List.of(
                CommandSpec.command("send", "Transcripts",
                        "Send a case bundle to support's S3-compatible store (exit 0 sent, 2 bad input, 6 not sent: the bundle is kept)")
                        .arg("file", "transcript (its export bundle is made next to it) or export bundle (.zip)")
                        .option("url", 'u', "url", "the pre-signed PUT URL support gave you (no credentials needed)")
                        .option("bucket", 'b', "name", "a bucket, with credentials from the default AWS chain")
                        .option("prefix", 'p', "prefix", "the object name's prefix in the bucket")
                        .option("endpoint", 'e', "url", "the store's address when it is not AWS (MinIO, Ceph, R2)")
                        .option("region", 'r', "region", "the bucket's region (default: from the AWS configuration)")
                        .complete(CommandSpec.Completion.TRANSCRIPT)
                        .run((a, out) -> self.get().send(out, new SendCase.Request(a.arg(0), a.value("url"), a.value("bucket"),
                                a.value("prefix"), a.value("endpoint"), a.value("region")))));
    }
}
