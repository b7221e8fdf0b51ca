package dev.mvirt.api.rest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Validates exchanges against the served OpenAPI document (atlassian swagger-request-validator). */
final class Contract {
    private static volatile OpenApiInteractionValidator validator;

    private Contract() {}

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (Contract.class) {
                if (validator == null) {
                    String doc = new String(new Json(64).write(HealthRoutes.openApi()), StandardCharsets.UTF_8);
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(doc)
                            .build();
                }
            }
        }
        return validator;
    }

    /** Errors in the request and response, or "" when both conform; {@code requestToo} false checks the answer. */
    static String check(
            String method, URI uri, Map<String, String> headers, String body, Reply reply, boolean requestToo) {
        SimpleRequest.Builder req = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                req.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        headers.forEach(req::withHeader);
        if (!body.isEmpty()) {
            req.withBody(body);
        }
        SimpleResponse.Builder res = SimpleResponse.Builder.status(reply.status());
        reply.headers().map().forEach((k, v) -> res.withHeader(k, v));
        if (!reply.body().isEmpty()) {
            res.withBody(reply.body());
        }
        ValidationReport report = requestToo
                ? validator().validate(req.build(), res.build())
                : validator().validateResponse(uri.getRawPath(), Request.Method.valueOf(method), res.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
