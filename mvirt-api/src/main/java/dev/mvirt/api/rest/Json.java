package dev.mvirt.api.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JSON dialect of the API: camelCase, enums in lower case (read case-insensitively), unknown fields and type
 * coercions refused, nesting depth bounded. Parse errors become {@link ApiException#malformed} naming the field.
 */
final class Json {
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;

    Json(int maxDepth) {
        SimpleModule lowerEnums = new SimpleModule("mvirt-enums");
        lowerEnums.addSerializer(new LowerEnum());
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(4 << 20)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // requests run on virtual threads, one per request: Jackson's default per-thread buffer pool then
                // allocated fresh read and write buffers for every request (~14 % of the server's allocations)
                .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(lowerEnums)
                .build();
        this.canonical = mapper.copy().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    }

    /** The underlying mapper (reads and writes). */
    ObjectMapper mapper() {
        return mapper;
    }

    /** Parses a request body as a tree. */
    JsonNode tree(byte[] body) {
        if (body.length == 0) {
            throw ApiException.malformed("", "a JSON body is required");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            throw translate(e, "");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.malformed("", "the body must be a JSON object");
        }
        return node;
    }

    /** Reads {@code node} (found at {@code prefix}, "" for the body) as {@code type}. */
    <T> T convert(JsonNode node, Class<T> type, String prefix) {
        try {
            return mapper.treeToValue(node, type);
        } catch (IOException e) {
            throw translate(e, prefix);
        }
    }

    /** Serializes for a response. */
    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** The canonical text of a tree: object members sorted, no whitespace (for idempotency hashes). */
    String canonical(JsonNode node) {
        try {
            return canonical.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tree", e);
        }
    }

    private static ApiException translate(IOException e, String prefix) {
        if (e instanceof StreamConstraintsException) {
            return ApiException.malformed(prefix, "the document is nested too deeply or a value is too long");
        }
        if (e instanceof JsonParseException p) {
            var loc = p.getLocation();
            return ApiException.malformed(
                    prefix, "malformed JSON at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
        }
        if (e instanceof JsonMappingException m) {
            String field = path(prefix, m);
            if (m instanceof UnrecognizedPropertyException) {
                return ApiException.malformed(field, "unknown field '" + field + "'");
            }
            return ApiException.malformed(field, "'" + (field.isEmpty() ? "body" : field) + "' has the wrong type");
        }
        return ApiException.malformed(prefix, "the body cannot be read");
    }

    private static String path(String prefix, JsonMappingException m) {
        String inner = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        String joined = prefix + inner;
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    @SuppressWarnings("rawtypes")
    private static final class LowerEnum extends StdSerializer<Enum> {
        private static final long serialVersionUID = 1L;

        LowerEnum() {
            super(Enum.class);
        }

        @Override
        public void serialize(
                Enum value,
                com.fasterxml.jackson.core.JsonGenerator gen,
                com.fasterxml.jackson.databind.SerializerProvider p)
                throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }
}
