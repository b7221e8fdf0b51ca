package dev.mvirt.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.EventStream;
import dev.mvirt.cli.client.Unreachable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Follows {@code /api/v1/events} from a revision: hands each event ({@code {revision, type, kind, project,
 * resource}}) to a sink, reconnects from the last revision when the stream breaks, and re-lists on {@code resync}.
 */
final class Watcher {
    private final Cli cli;

    Watcher(Cli cli) {
        this.cli = cli;
    }

    /**
     * Streams until {@code count} events were delivered (0: until interrupted).
     *
     * @param query {@code kind}/{@code project} filters
     * @param from the revision to start after
     * @param relist called on {@code resync}: re-reads the state and answers its revision
     */
    void stream(Map<String, String> query, long from, int count, Predicate<JsonNode> sink, LongSupplier relist) {
        long revision = from;
        int seen = 0;
        boolean warned = false;
        while (count == 0 || seen < count) {
            Map<String, String> q = new HashMap<>(query);
            q.put("fromRevision", Long.toString(revision));
            boolean resynced = false;
            try (EventStream events = cli.client().events(q)) {
                warned = false;
                for (Optional<EventStream.Message> m = events.next(); m.isPresent(); m = events.next()) {
                    EventStream.Message msg = m.get();
                    if (msg.event().equals("resync")) {
                        revision = relist.getAsLong();
                        resynced = true;
                        break;
                    }
                    JsonNode event = parse(msg.data());
                    revision = event.path("revision").asLong(revision);
                    if (sink.test(event)) {
                        seen++;
                    }
                    if (count > 0 && seen >= count) {
                        return;
                    }
                }
                if (!resynced) {
                    pause();
                }
            } catch (ApiError e) {
                if (e.status() != 410) {
                    throw e;
                }
                revision = relist.getAsLong();
            } catch (Unreachable | UncheckedIOException e) {
                if (!warned) {
                    cli.io().err().println("mvirt: event stream lost (" + e.getMessage() + "); reconnecting");
                    warned = true;
                }
                pause();
            }
        }
    }

    private static JsonNode parse(String data) {
        try {
            return ApiClient.json().readTree(data);
        } catch (JsonProcessingException e) {
            throw new CliException(Exit.ERROR, "the server sent an unreadable event: " + e.getOriginalMessage(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.INTERRUPTED, "interrupted");
        }
    }
}
