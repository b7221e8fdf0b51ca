package dev.mvirt.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A Server-Sent Events stream from {@code /api/v1/events}. {@link #next} blocks for the next message; closing the
 * stream (from any thread) ends it. Comments (keepalives) are skipped.
 */
public final class EventStream implements AutoCloseable {
    private final InputStream in;
    private final BufferedReader reader;

    /** One SSE message: its {@code id} (the revision, "" if none), {@code event} type and {@code data}. */
    public record Message(String id, String event, String data) {}

    EventStream(InputStream in) {
        this.in = in;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * The next message, or empty when the server ended the stream.
     *
     * @throws UncheckedIOException when the connection breaks
     */
    public Optional<Message> next() {
        String id = "";
        String event = "message";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (any) {
                        return Optional.of(new Message(id, event, data.toString()));
                    }
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                any = true;
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                    default -> {
                        // unknown fields are ignored (SSE)
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the event stream broke", e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // closing a broken stream: nothing left to do
        }
    }
}
