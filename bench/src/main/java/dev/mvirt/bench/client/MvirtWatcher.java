package dev.mvirt.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.bench.history.WatchLog;
import dev.mvirt.bench.history.WatchRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows mvirt's event stream ({@code /api/v1/events?kind=projects}, Server-Sent Events) on one peer from its own
 * thread, recording every event and every (re)opening: a dropped stream resumes from the last revision seen; a 410
 * is recorded as a resync, then the watcher re-lists and opens from the list's revision.
 */
public final class MvirtWatcher implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String peer;
    private final HttpClient http;
    private final URI base;
    private final String token;
    private final List<WatchRecord> records = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long last;
    private volatile InputStream current = InputStream.nullInputStream();

    /** Starts watching {@code peer} at {@code base} after revision {@code from}. */
    public MvirtWatcher(String name, String peer, HttpClient http, URI base, String token, long from) {
        this.name = name;
        this.peer = peer;
        this.http = http;
        this.base = base;
        this.token = token;
        this.last = from;
        this.thread = Thread.ofPlatform().daemon().name("watch-" + name).start(this::loop);
    }

    /** The last revision received. */
    public long lastRevision() {
        return last;
    }

    /** Stops, and returns what was recorded. */
    public WatchLog finish() {
        close();
        synchronized (records) {
            return new WatchLog(name, peer, records);
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            current.close();
        } catch (IOException e) {
            // the reader thread ends either way
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (!stopped) {
            try {
                follow();
            } catch (IOException e) {
                pause(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void follow() throws IOException, InterruptedException {
        long from = last;
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/events?kind=projects&fromRevision=" + from))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            current = in;
            if (r.statusCode() == 410) {
                record(new WatchRecord.Resync(from));
                relist();
                return;
            }
            if (r.statusCode() != 200) {
                pause(200);
                return;
            }
            record(new WatchRecord.Opened(from));
            read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
    }

    private void read(BufferedReader lines) throws IOException {
        String line;
        String type = "";
        while (!stopped && (line = lines.readLine()) != null) {
            if (line.startsWith("event:")) {
                type = line.substring(6).strip();
            } else if (line.isEmpty()) {
                type = "";
            } else if (line.startsWith("data:") && type.equals("resync")) {
                // the stream fell behind and ends: re-list, then open again from the list's revision
                record(new WatchRecord.Resync(last));
                relistQuietly();
                return;
            } else if (line.startsWith("data:")) {
                JsonNode event = JSON.readTree(line.substring(5).strip());
                long rev = event.path("revision").asLong();
                JsonNode resource = event.path("resource");
                record(new WatchRecord.Seen(rev, resource.path("name").asText(""), MvirtKv.description(resource)));
                last = rev;
            }
        }
    }

    private void relistQuietly() throws IOException {
        try {
            relist();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private void relist() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/projects?limit=1"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token)
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
            last = Math.max(last, JSON.readTree(r.body()).path("revision").asLong(last));
        }
    }

    private void record(WatchRecord r) {
        synchronized (records) {
            records.add(r);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
        }
    }
}
