package dev.mvirt.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Noun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static JsonNode event(String type, String kind, String project, String id, String name) throws Exception {
        return ApiClient.json()
                .readTree("{\"revision\":1,\"type\":\"" + type + "\",\"kind\":\"" + kind + "\",\"project\":\"" + project
                        + "\",\"resource\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}");
    }

    @Test
    void eventsUpdateTheTargetProjectAndTheFeed() throws Exception {
        Model m = new Model();
        long v = m.version();
        m.apply(event("created", "vms", "default", "1", "web"), "default");
        m.apply(event("created", "vms", "other", "2", "elsewhere"), "default");
        m.apply(event("created", "nodes", "", "3", "hv1"), "default");
        assertThat(m.items(Noun.VM)).extracting(i -> i.path("name").asText()).containsExactly("web");
        assertThat(m.name(Noun.NODE, "3")).isEqualTo("hv1");
        assertThat(m.events()).hasSize(3);
        m.apply(event("deleted", "vms", "default", "1", "web"), "default");
        assertThat(m.items(Noun.VM)).isEmpty();
        assertThat(m.version()).isGreaterThan(v);
        m.replace(Noun.NETWORK, List.of(ApiClient.json().readTree("{\"id\":\"n\",\"name\":\"lan\"}")));
        assertThat(m.items(Noun.NETWORK)).hasSize(1);
    }

    @Test
    void viewsByName() {
        assertThat(View.named("sg")).contains(View.SECURITY_GROUPS);
        assertThat(View.named(" Nodes ")).contains(View.NODES);
        assertThat(View.named("nope")).isEmpty();
    }
}
