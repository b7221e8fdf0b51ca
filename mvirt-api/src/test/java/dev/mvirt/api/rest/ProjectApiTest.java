package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectApiTest {
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void defaultProjectIsListed() {
        JsonNode list = c.get("/api/v1/projects").expect(200).json();
        assertThat(list.get("items")).extracting(n -> n.get("name").asText()).containsExactly("default");
        assertThat(list.get("revision").asLong()).isEqualTo(f.revision());
    }

    @Test
    void createGetPatchDelete() {
        Reply created = c.post("/api/v1/projects", "{\"name\":\"web\",\"labels\":{\"env\":\"prod\"},\"spec\":{}}")
                .expect(201);
        JsonNode p = created.json();
        assertThat(p.get("name").asText()).isEqualTo("web");
        assertThat(p.get("spec").get("description").asText()).isEmpty();
        assertThat(created.header("ETag")).isEqualTo("\"" + p.get("revision").asLong() + "\"");
        assertThat(created.header("Location")).isEqualTo("/api/v1/projects/web");

        Reply got = c.get("/api/v1/projects/web").expect(200);
        assertThat(got.json().get("id").asText()).isEqualTo(p.get("id").asText());

        JsonNode patched = c.patch(
                        "/api/v1/projects/web",
                        "{\"spec\":{\"description\":\"shop\"},\"labels\":{\"env\":null,\"t\":\"x\"}}")
                .expect(200)
                .json();
        assertThat(patched.get("spec").get("description").asText()).isEqualTo("shop");
        assertThat(patched.get("labels").properties()).hasSize(1);
        assertThat(patched.get("labels").get("t").asText()).isEqualTo("x");

        c.delete("/api/v1/projects/web").expect(204);
        c.get("/api/v1/projects/web").problem(404, "not_found");
    }

    @Test
    void nameTakenIs409() {
        c.post("/api/v1/projects", "{\"name\":\"a\",\"spec\":{}}").expect(201);
        c.post("/api/v1/projects", "{\"name\":\"a\",\"spec\":{}}").problem(409, "name_taken");
    }

    @Test
    void defaultProjectCannotBeDeleted() {
        c.delete("/api/v1/projects/default").problem(409, "default_project");
    }

    @Test
    void invalidNameIs422NamingTheField() {
        long before = f.revision();
        JsonNode p =
                c.post("/api/v1/projects", "{\"name\":\"-bad\",\"spec\":{}}").problem(422, "invalid");
        assertThat(p.get("field").asText()).isEqualTo("name");
        assertThat(f.revision()).isEqualTo(before);
    }

    @Test
    void projectWithResourcesIsNotDeleted() {
        c.post("/api/v1/projects", "{\"name\":\"p\",\"spec\":{}}").expect(201);
        c.post("/api/v1/projects/p/networks", "{\"name\":\"n\",\"spec\":{\"ipv4Cidr\":\"10.1.0.0/24\"}}")
                .expect(201);
        c.delete("/api/v1/projects/p").problem(409, "project_not_empty");
    }
}
