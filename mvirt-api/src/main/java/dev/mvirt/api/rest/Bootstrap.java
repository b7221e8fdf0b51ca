package dev.mvirt.api.rest;

import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.api.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** First start of a cluster: the admin token, written once to a 0600 file and never logged. */
public final class Bootstrap {
    private Bootstrap() {}

    /**
     * Creates the token {@code admin} when the cluster has no token yet and {@code file} does not exist, writing its
     * secret to {@code file} (0600, created exclusively). Call on one peer after the store is ready. Returns true
     * when it created the token; false when tokens already exist (the file is left alone).
     *
     * @throws StoreException when the cluster cannot commit
     * @throws UncheckedIOException when the file cannot be written
     */
    public static boolean ensureAdminToken(DataStore store, Path file) {
        Json json = new Json(32);
        TokenBook book = new TokenBook(json);
        if (hasTokens(store.read()) || Files.exists(file)) {
            return false;
        }
        String secret = create(store, book, "admin", "admin", Clock.systemUTC());
        try {
            // created 0600 before the secret is written, so it is never readable by others
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token to " + file, e);
        }
        return true;
    }

    /** Creates a token directly in the store (bootstrap and tests); returns its secret. */
    static String create(DataStore store, TokenBook book, String name, String role, Clock clock) {
        var issued = book.issue(UUID.randomUUID().toString(), name, role, List.of(), 0, clock.millis());
        Outcome o;
        try {
            o = store.submit(book.store(issued.record()), Caller.system()).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while creating a token", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StoreException("cannot create a token", e);
        }
        if (!o.result().ok()) {
            throw new IllegalStateException("the state refused a token: " + o.result());
        }
        return issued.secret();
    }

    /** Whether {@code s} holds any token. */
    static boolean hasTokens(ClusterState s) {
        return s.settings().values().keySet().stream().anyMatch(k -> k.startsWith(TokenBook.PREFIX));
    }
}
