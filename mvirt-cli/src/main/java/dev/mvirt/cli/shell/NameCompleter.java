package dev.mvirt.cli.shell;

import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.command.Cli;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes resource names: after {@code NOUN VERB} (and the shortcuts {@code start}, {@code stop},
 * {@code console}) it lists that kind from the API. Failures complete nothing.
 */
public final class NameCompleter implements Completer {
    private static final Set<String> VERBS = Set.of(
            "get",
            "show",
            "delete",
            "rm",
            "label",
            "patch",
            "start",
            "stop",
            "reboot",
            "kill",
            "console",
            "cordon",
            "uncordon",
            "drain",
            "attach",
            "detach",
            "resize",
            "rollback",
            "add-rule",
            "remove-rule");
    private final Cli cli;

    public NameCompleter(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words().subList(0, line.wordIndex());
        noun(words).ifPresent(noun -> {
            try {
                cli.begin(dev.mvirt.cli.command.Globals.none());
                cli.client()
                        .get(noun.collection(cli.project()), Map.of("limit", "1000"))
                        .body()
                        .path("items")
                        .forEach(
                                i -> candidates.add(new Candidate(i.path("name").asText())));
            } catch (RuntimeException e) {
                // no names: the API is unreachable or refuses; completion stays quiet
            }
        });
    }

    /** The kind whose names complete the next word, if any. */
    static Optional<Noun> noun(List<String> words) {
        List<String> w = words.stream().filter(s -> !s.startsWith("-")).toList();
        if (w.size() == 1 && Set.of("start", "stop", "console").contains(w.get(0))) {
            return Optional.of(Noun.VM);
        }
        if (w.size() == 2 && VERBS.contains(w.get(1))) {
            if (w.get(0).equals("snapshot")) {
                return Optional.empty();
            }
            return Noun.byCli(w.get(0).equals("sg") ? "security-group" : w.get(0));
        }
        if (w.size() == 2 && w.get(0).equals("snapshot")) {
            return Optional.of(Noun.VOLUME);
        }
        return Optional.empty();
    }
}
