package dev.mvirt.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Printer;
import java.util.List;

/** Streamed output (watch, events): one line per resource in JSON, a document per resource in YAML, rows else. */
final class Emit {
    private Emit() {}

    static void resource(Cli cli, Printer printer, Noun noun, JsonNode resource) {
        switch (printer.format()) {
            case JSON -> line(cli, resource);
            case YAML -> {
                cli.io().out().print("---\n" + Printer.render(resource, Format.YAML));
                cli.io().out().flush();
            }
            case NAME -> {
                cli.io().out().println(resource.path("name").asText());
                cli.io().out().flush();
            }
            case TABLE, WIDE -> printer.rows(noun, List.of(resource), false);
        }
    }

    static void line(Cli cli, JsonNode node) {
        try {
            cli.io().out().println(ApiClient.json().writeValueAsString(node));
            cli.io().out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
