package dev.mvirt.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.cli.client.Noun;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameCompleterTest {
    @Test
    void whichKindCompletes() {
        assertThat(NameCompleter.noun(List.of("vm", "get"))).contains(Noun.VM);
        assertThat(NameCompleter.noun(List.of("security-group", "delete"))).contains(Noun.SECURITY_GROUP);
        assertThat(NameCompleter.noun(List.of("sg", "add-rule"))).contains(Noun.SECURITY_GROUP);
        assertThat(NameCompleter.noun(List.of("start"))).contains(Noun.VM);
        assertThat(NameCompleter.noun(List.of("snapshot", "list"))).contains(Noun.VOLUME);
        assertThat(NameCompleter.noun(List.of("vm", "create"))).isEmpty();
        assertThat(NameCompleter.noun(List.of("vm"))).isEmpty();
    }
}
