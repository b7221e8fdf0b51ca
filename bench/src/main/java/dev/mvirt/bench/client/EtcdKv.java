package dev.mvirt.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.bench.history.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The register as an etcd key through etcd 3.4's JSON gateway ({@code /v3/kv/...}): the value stored is a JSON
 * document shaped like an mvirt project (so both sides carry the same bytes), the revision is the key's {@code
 * mod_revision}; a CAS is a transaction comparing it; a local read is {@code serializable}.
 */
public final class EtcdKv implements KvClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /** A client of the member at {@code base}. */
    public EtcdKv(HttpClient http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    /** The JSON document stored for {@code key} holding {@code value}: an mvirt project of the same size. */
    public static String document(String key, String value) {
        ObjectNode d = JSON.createObjectNode()
                .put(
                        "id",
                        java.util
                                .UUID
                                .nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
                                .toString())
                .put("project", "")
                .put("name", key);
        d.putObject("labels");
        d.put("createdAt", 1_700_000_000_000L);
        d.putObject("spec").put("description", value);
        d.putObject("status").put("phase", "Ready");
        return d.toString();
    }

    @Override
    public KvResult create(String key, String value) {
        return write(key, value);
    }

    @Override
    public KvResult write(String key, String value) {
        Answers.Reply r = post("/v3/kv/put", put(key, value));
        Outcome o = Answers.ofWrite(r);
        long rev = o == Outcome.OK
                ? parse(r.body()).path("header").path("revision").asLong(0)
                : 0;
        return new KvResult(o, "", rev, r.status());
    }

    @Override
    public KvResult cas(String key, long revision, String value) {
        ObjectNode txn = JSON.createObjectNode();
        txn.putArray("compare")
                .addObject()
                .put("key", b64(key))
                .put("target", "MOD")
                .put("result", "EQUAL")
                .put("mod_revision", revision);
        txn.putArray("success").addObject().set("request_put", put(key, value));
        Answers.Reply r = post("/v3/kv/txn", txn);
        Outcome o = Answers.ofWrite(r);
        if (o != Outcome.OK) {
            return new KvResult(o, "", 0, r.status());
        }
        JsonNode j = parse(r.body());
        boolean won = j.path("succeeded").asBoolean(false);
        return new KvResult(
                won ? Outcome.OK : Outcome.FAIL,
                "",
                j.path("header").path("revision").asLong(0),
                200);
    }

    @Override
    public KvResult read(String key, boolean linearizable) {
        ObjectNode q = JSON.createObjectNode().put("key", b64(key)).put("serializable", !linearizable);
        Answers.Reply r = post("/v3/kv/range", q);
        if (r.status() != 200) {
            return new KvResult(Outcome.UNKNOWN, "", 0, r.status());
        }
        JsonNode kv = parse(r.body()).path("kvs").path(0);
        String doc = new String(Base64.getDecoder().decode(kv.path("value").asText("")), StandardCharsets.UTF_8);
        String value =
                doc.isEmpty() ? "" : parse(doc).path("spec").path("description").asText("");
        return new KvResult(Outcome.OK, value, kv.path("mod_revision").asLong(0), 200);
    }

    private ObjectNode put(String key, String value) {
        return JSON.createObjectNode().put("key", b64(key)).put("value", base64(document(key, value)));
    }

    private Answers.Reply post(String path, JsonNode body) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return Answers.send(http, req);
    }

    private static String b64(String key) {
        return base64("/mvirt/projects/" + key);
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
