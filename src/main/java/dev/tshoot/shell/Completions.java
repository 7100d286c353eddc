package dev.tshoot.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Tab offers, from the catalog, for the REPL and for the shells' completion scripts alike:
 * command names word by word, a command's {@code --options}, and its argument's values (playbook
 * ids, probe names, node ids of the running session, transcript files).
 */
public final class Completions {

    private final Catalog catalog;
    private final Wiring wiring;

    public Completions(Catalog catalog, Wiring wiring) {
        this.catalog = catalog;
        this.wiring = wiring;
    }

    /** The candidates for {@code current}, the word being typed after the words {@code before}. */
    public List<String> candidates(List<String> before, String current) {
        List<String> out = new ArrayList<>();
        Optional<Catalog.Found> found = before.isEmpty() ? Optional.empty() : catalog.find(before);
        if (found.isEmpty()) {
            String typed = String.join(" ", before);
            for (CommandSpec c : catalog.commands()) {
                String[] w = c.name().split(" ");
                if (w.length > before.size() && (typed.isEmpty() || c.name().startsWith(typed + " "))
                        && w[before.size()].startsWith(current) && !out.contains(w[before.size()])) {
                    out.add(w[before.size()]);
                }
            }
            return out;
        }
        CommandSpec spec = found.get().spec();
        if (current.startsWith("-")) {
            for (CommandSpec.Opt o : spec.options()) {
                if (("--" + o.longName()).startsWith(current)) {
                    out.add("--" + o.longName());
                }
            }
            return out;
        }
        for (String v : values(spec.completion())) {
            if (v.startsWith(current)) {
                out.add(v);
            }
        }
        return out;
    }

    private List<String> values(CommandSpec.Completion c) {
        return switch (c) {
            case NONE -> List.of();
            case PLAYBOOK -> wiring.playbooks().ids();
            case PROBE -> wiring.diagnostics().registry().names();
            case NODE -> wiring.holder().active()
                    ? new ArrayList<>(wiring.holder().session().playbook().nodes().keySet()) : List.of();
            case TRANSCRIPT -> wiring.transcriptFiles().stream().map(Object::toString).toList();
        };
    }

    /** {@code completion bash|zsh|powershell}: the script; {@code completion --words …}: the candidates, one per line. */
    static CommandSpec command(Lazy<Completions> self, ExitCode exit) {
        return CommandSpec.command("completion", "Shell",
                "Print a Tab-completion script for bash, zsh or PowerShell (see the script's first lines to install it)")
                .args("shell", "bash, zsh or powershell")
                .flag("words", "print the candidates for the words that follow (the scripts call this)")
                .run((a, out) -> {
                    if (a.flag("words")) {
                        List<String> w = a.positional();
                        List<String> before = w.isEmpty() ? List.of() : w.subList(0, w.size() - 1);
                        self.get().candidates(before, w.isEmpty() ? "" : w.get(w.size() - 1)).forEach(out::println);
                        return;
                    }
                    String shell = a.arg(0);
                    String script = shell == null ? null : switch (shell) {
                        case "bash" -> BASH;
                        case "zsh" -> ZSH;
                        case "powershell", "pwsh" -> POWERSHELL;
                        default -> null;
                    };
                    if (script == null) {
                        out.println("Name the shell: completion bash, completion zsh or completion powershell.");
                        exit.set(ExitCode.BAD_INPUT);
                        return;
                    }
                    out.print(script);
                    out.flush();
                });
    }

    static final String BASH = """
            # tshoot completion for bash: add to ~/.bashrc
            #   eval "$(tshoot completion bash)"
            _tshoot() {
              local IFS=$'\\n'
              COMPREPLY=($(tshoot completion --words -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
            }
            complete -o default -F _tshoot tshoot
            """;

    static final String ZSH = """
            # tshoot completion for zsh: add to ~/.zshrc
            #   eval "$(tshoot completion zsh)"
            _tshoot() {
              local -a c
              c=("${(@f)$(tshoot completion --words -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
              compadd -a c
            }
            compdef _tshoot tshoot
            """;

    static final String POWERSHELL = """
            # tshoot completion for PowerShell: add to $PROFILE
            #   tshoot completion powershell | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName tshoot, tshoot.cmd -ScriptBlock {
              param($wordToComplete, $commandAst, $cursorPosition)
              $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
              if ($wordToComplete -eq '') { $words += '' }
              tshoot completion --words -- @words 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
              }
            }
            """;
}
