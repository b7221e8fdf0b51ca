package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Table;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Lists with {@code limit} + {@code continue} paging and a label selector, from one revision of the state. */
final class Listing {
    private static final int CHUNK = 256;

    private Listing() {}

    /** Answers a page of {@code kind} in {@code project} ("" for cluster kinds). */
    static void answer(Env env, Context ctx, ClusterState state, Kind kind, String project) {
        int limit = limit(ctx);
        Selector selector = Selector.parse(Fields.str(ctx.queryParam("labels")));
        String after = decode(Fields.str(ctx.queryParam("continue")), project);
        List<Resource<?, ?>> found = new ArrayList<>();
        boolean exhausted = false;
        while (found.size() <= limit && !exhausted) {
            List<? extends Resource<?, ?>> page = state.table(kind).page(project, after, CHUNK);
            exhausted = page.size() < CHUNK;
            for (Resource<?, ?> r : page) {
                after = Table.nameKey(r.meta().project(), r.name());
                if (selector.matches(r.meta().labels()) && found.size() <= limit) {
                    found.add(r);
                }
            }
        }
        String next = "";
        if (found.size() > limit) {
            found = found.subList(0, limit);
            Resource<?, ?> last = found.get(limit - 1);
            next = encode(Table.nameKey(last.meta().project(), last.name()));
        }
        List<Views.ResourceView> items =
                found.stream().map(r -> Views.of(r, state)).toList();
        Http.json(env, ctx, 200, Views.page(items, state.revision(), next));
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("limit", "must be an integer from 1 to 1000");
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token, String project) {
        if (token.isEmpty()) {
            return "";
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (key.startsWith(project + "/") && key.length() > project.length() + 1) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.invalid("continue", "is not a continue token of this list");
    }
}
