package dev.mvirt.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mvirt.cli.client.Noun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Prints API answers in one {@link Format}. JSON and YAML print the API's object exactly (a list answer as the
 * list object); tables use {@link Columns}; {@code name} prints one name per line.
 */
public final class Printer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .build();

    private final PrintWriter out;
    private final Format format;
    private final boolean headers;
    private final Lookup lookup;
    private final LongSupplier clock;

    public Printer(PrintWriter out, Format format, boolean headers, Lookup lookup, LongSupplier clock) {
        this.out = out;
        this.format = format;
        this.headers = headers;
        this.lookup = lookup;
        this.clock = clock;
    }

    public Format format() {
        return format;
    }

    /** A list answer ({@code {items, revision, ...}}) of {@code noun}. */
    public void list(Noun noun, JsonNode answer) {
        switch (format) {
            case JSON, YAML -> structured(answer);
            case NAME ->
                answer.path("items").forEach(i -> out.println(i.path("name").asText()));
            case TABLE, WIDE -> rows(noun, items(answer), headers);
        }
        out.flush();
    }

    /** One resource of {@code noun}. */
    public void one(Noun noun, JsonNode item) {
        switch (format) {
            case JSON, YAML -> structured(item);
            case NAME -> out.println(item.path("name").asText());
            case TABLE, WIDE -> rows(noun, List.of(item), headers);
        }
        out.flush();
    }

    /** Rows of {@code noun} without a list around them (watch output); headers only when asked. */
    public void rows(Noun noun, List<JsonNode> items, boolean withHeaders) {
        List<Column> cols = Columns.of(noun).stream()
                .filter(c -> format == Format.WIDE || !c.wide())
                .toList();
        List<List<String>> rows = new ArrayList<>();
        long now = clock.getAsLong();
        for (JsonNode i : items) {
            rows.add(cols.stream().map(c -> c.cell().of(i, lookup, now)).toList());
        }
        table(cols.stream().map(Column::header).toList(), rows, withHeaders);
    }

    /** Any other answer (cluster, settings): JSON/YAML as is; a table prints it as KEY VALUE lines. */
    public void object(JsonNode node) {
        if (format == Format.JSON || format == Format.YAML) {
            structured(node);
        } else {
            List<List<String>> rows = new ArrayList<>();
            flatten("", node, rows);
            table(List.of("KEY", "VALUE"), rows, headers);
        }
        out.flush();
    }

    /** A table of plain rows. */
    public void table(List<String> header, List<List<String>> rows, boolean withHeaders) {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        if (withHeaders) {
            all.add(header);
        }
        all.addAll(rows);
        for (List<String> r : all) {
            for (int c = 0; c < width.length && c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        for (List<String> r : all) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < width.length && c < r.size(); c++) {
                b.append(c == width.length - 1 ? r.get(c) : pad(r.get(c), width[c] + 3));
            }
            out.println(b.toString().stripTrailing());
        }
        out.flush();
    }

    /** {@code node} as indented JSON or YAML (for other formats: JSON). */
    public void structured(JsonNode node) {
        out.print(render(node, format));
        out.flush();
    }

    /** {@code node} rendered as YAML when {@code f} is YAML, else as indented JSON, ending in a newline. */
    public static String render(JsonNode node, Format f) {
        try {
            return f == Format.YAML ? YAML.writeValueAsString(node) : JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree", e);
        }
    }

    /** Whether headers are printed. */
    public boolean headers() {
        return headers;
    }

    private static List<JsonNode> items(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.path("items").forEach(items::add);
        return items;
    }

    private static void flatten(String prefix, JsonNode node, List<List<String>> rows) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), rows);
            }
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(v -> parts.add(v.asText()));
            rows.add(List.of(prefix, String.join(",", parts)));
        } else {
            rows.add(List.of(prefix, node.isNull() ? "" : node.asText()));
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
