package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** One HTTP answer as the tests see it. */
record Reply(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    String header(String name) {
        return headers.firstValue(name).orElse("");
    }

    /** Asserts the status, showing the body when it differs. */
    Reply expect(int expected) {
        assertThat(status).as("status of answer %s", body).isEqualTo(expected);
        return this;
    }

    /** Asserts a problem+json answer with {@code status} and {@code code}; returns the problem. */
    JsonNode problem(int expectedStatus, String code) {
        expect(expectedStatus);
        assertThat(header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = json();
        assertThat(p.path("code").asText()).as("code in %s", body).isEqualTo(code);
        assertThat(p.path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(p.path("requestId").asText()).isNotEmpty();
        return p;
    }
}
