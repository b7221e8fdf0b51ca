package dev.mvirt.bench.client;

import dev.mvirt.bench.history.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sending a request and classifying what came back (or did not) for the history. */
final class Answers {
    /** The status and body of an answer; status 0 with {@code failure} when none came. */
    record Reply(int status, String body, Outcome failure) {}

    private Answers() {}

    static Reply send(HttpClient http, HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), Outcome.UNKNOWN);
        } catch (ConnectException e) {
            // nothing was sent: the operation cannot take effect
            return new Reply(0, "", Outcome.FAIL);
        } catch (IOException e) {
            return new Reply(0, e.getClass().getSimpleName() + ": " + e.getMessage(), Outcome.UNKNOWN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "", Outcome.UNKNOWN);
        }
    }

    /** The outcome of a write answered with {@code status}: 2xx OK, 4xx FAIL, otherwise unknown. */
    static Outcome ofWrite(Reply r) {
        if (r.status() == 0) {
            return r.failure();
        }
        if (r.status() / 100 == 2) {
            return Outcome.OK;
        }
        return r.status() / 100 == 4 ? Outcome.FAIL : Outcome.UNKNOWN;
    }
}
