package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects and networks through every output format: JSON and YAML are the API's objects exactly. */
class OutputFormatsTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.ok("project", "patch", "default", "--set", "spec.description=the default project");
        api.ok("project", "label", "default", "env=test");
        api.ok("network", "create", "lan", "--ipv4", "10.1.0.0/24", "--dns", "10.1.0.1", "--nat");
        api.ok("network", "create", "dmz", "--ipv4", "10.2.0.0/24");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void tableListsWithHeadersAndWideAddsColumns() {
        String out = api.ok("network", "list").out();
        assertThat(out.lines().findFirst().orElseThrow()).startsWith("NAME").contains("IPV4", "NAT", "AGE");
        assertThat(out).contains("lan").contains("10.1.0.0/24").contains("dmz").doesNotContain("LABELS");
        String wide = api.ok("network", "list", "-o", "wide").out();
        assertThat(wide).contains("DNS", "LABELS", "ID", "10.1.0.1");
        String bare = api.ok("network", "ls", "--no-headers").out();
        assertThat(bare.lines()).hasSize(2).noneMatch(l -> l.startsWith("NAME"));
    }

    @Test
    void jsonIsTheApiObjectExactly() {
        JsonNode cli = api.ok("network", "get", "lan", "-o", "json").json();
        assertThat(cli).isEqualTo(api.api("/api/v1/projects/default/networks/lan"));
        JsonNode list = api.ok("-o", "json", "network", "list").json();
        JsonNode fromApi = api.api("/api/v1/projects/default/networks");
        assertThat(list.path("items")).isEqualTo(fromApi.path("items"));
        assertThat(list.path("revision").asLong())
                .isEqualTo(fromApi.path("revision").asLong());
    }

    @Test
    void yamlParsesBackToTheApiObject() throws Exception {
        String yaml = api.ok("project", "get", "default", "-o", "yaml").out();
        assertThat(new YAMLMapper().readTree(yaml)).isEqualTo(api.api("/api/v1/projects/default"));
    }

    @Test
    void namePrintsOneNamePerLine() {
        assertThat(api.ok("network", "list", "-o", "name").out().lines()).containsExactly("dmz", "lan");
        assertThat(api.ok("project", "get", "default", "-o", "name").out().trim())
                .isEqualTo("default");
    }

    @Test
    void labelSelectorsAndLabelsAndPatch() {
        api.ok("network", "label", "dmz", "tier=edge");
        assertThat(api.ok("network", "list", "-l", "tier=edge", "-o", "name")
                        .out()
                        .lines())
                .containsExactly("dmz");
        api.ok("network", "label", "dmz", "tier-");
        assertThat(api.ok("network", "list", "-l", "tier=edge", "-o", "name").out())
                .isBlank();
        JsonNode p = api.ok("project", "patch", "default", "--set", "spec.description=changed", "-o", "json")
                .json();
        assertThat(p.at("/spec/description").asText()).isEqualTo("changed");
        api.ok("project", "patch", "default", "--json", "{\"spec\":{\"description\":\"the default project\"}}");
    }

    @Test
    void allProjectsListsEveryProject() {
        api.ok("project", "create", "other");
        api.ok("-p", "other", "network", "create", "lan", "--ipv4", "10.9.0.0/24");
        String out = api.ok("network", "list", "-A", "-o", "json").out();
        assertThat(ApiFixture.run(api.env(), "", false, "network", "list", "-A", "-o", "json")
                        .json()
                        .path("items"))
                .hasSize(3);
        assertThat(out).contains("\"project\" : \"other\"");
        api.ok("-p", "other", "network", "delete", "lan", "-y");
        api.ok("project", "delete", "other", "-y");
    }
}
