package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.state.Event;
import dev.mvirt.api.store.Watch;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/events}: Server-Sent Events from this peer's watch, filtered by {@code kind} and {@code project},
 * resumable from {@code Last-Event-ID} or {@code ?fromRevision=} (default: now). 410 when that revision is no
 * longer kept; a stream that falls behind later gets an {@code event: resync} and ends.
 */
final class EventRoutes {
    private EventRoutes() {}

    static void register(Routes r, Env env, Streams streams) {
        r.get("/api/v1/events", Access.READ, ctx -> stream(env, ctx, streams));
    }

    private static void stream(Env env, Context ctx, Streams streams) throws InterruptedException {
        Set<Kind> kinds = kinds(Fields.str(ctx.queryParam("kind")));
        String project = Fields.str(ctx.queryParam("project"));
        Principal who = Http.principal(ctx);
        if (!project.isEmpty() && !who.inProject(project)) {
            throw new ApiException(403, "forbidden", "this token may not see project " + project);
        }
        long from = from(ctx, env.store().read().revision());
        try (Streams.Slot slot = streams.acquire(who.name());
                Watch watch = env.store().watch(from)) {
            Optional<Event> first = watch.next(Duration.ZERO);
            var res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream;charset=utf-8");
            res.setHeader("Cache-Control", "no-cache");
            res.flushBuffer();
            OutputStream out = res.getOutputStream();
            try {
                send(out, ": mvirt events after revision " + from + "\n\n");
                Optional<Event> next = first;
                while (!streams.stopping()) {
                    if (next.isPresent() && wanted(next.get(), kinds, project, who)) {
                        send(out, message(env, next.get()));
                    } else if (next.isEmpty()) {
                        send(out, ": keepalive\n\n");
                    }
                    next = watch.next(env.cfg().heartbeat());
                }
            } catch (Watch.ResyncRequired e) {
                send(out, "event: resync\ndata: {\"oldestRevision\":" + e.oldestAvailable() + "}\n\n");
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static boolean wanted(Event e, Set<Kind> kinds, String project, Principal who) {
        String p = e.resource().meta().project();
        return (kinds.isEmpty() || kinds.contains(e.kind()))
                && (project.isEmpty() || project.equals(p))
                && (who.projects().isEmpty() || who.projects().contains(p));
    }

    private static String message(Env env, Event e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("revision", e.revision());
        data.put("type", e.type());
        data.put("kind", e.kind().plural());
        data.put("project", e.resource().meta().project());
        data.put("resource", Views.of(e.resource(), env.store().read()));
        String json = new String(env.json().write(data), StandardCharsets.UTF_8);
        return "id: " + e.revision() + "\nevent: " + e.type().name().toLowerCase(Locale.ROOT) + "\ndata: " + json
                + "\n\n";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static long from(Context ctx, long now) {
        String text = ctx.header("Last-Event-ID");
        String field = "Last-Event-ID";
        if (text == null || text.isBlank()) {
            text = ctx.queryParam("fromRevision");
            field = "fromRevision";
        }
        if (text == null || text.isBlank()) {
            return now;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid(field, "must be a revision (a non-negative integer)");
    }

    private static Set<Kind> kinds(String text) {
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        if (text.isBlank()) {
            return out;
        }
        for (String name : text.split(",")) {
            Kind k = null;
            for (Kind c : Kind.values()) {
                if (c.plural().equalsIgnoreCase(name.trim())) {
                    k = c;
                }
            }
            if (k == null) {
                throw ApiException.invalid("kind", "unknown kind '" + name.trim() + "'; use plural names such as vms");
            }
            out.add(k);
        }
        return out;
    }
}
