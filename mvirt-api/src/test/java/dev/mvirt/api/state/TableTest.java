package dev.mvirt.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.Resource;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void anUpdateInPlaceKeepsTheNameLookup() {
        Table<ProjectSpec, ProjectStatus> t = Table.<ProjectSpec, ProjectStatus>empty()
                .put(project("id1", "web", "a", 1))
                .put(project("id1", "web", "b", 2));
        assertThat(t.byName("", "web"))
                .hasValueSatisfying(r -> assertThat(r.spec().description()).isEqualTo("b"));
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.page("", "", 10)).extracting(Resource::id).containsExactly("id1");
    }

    @Test
    void aRenameMovesTheNameLookupAndLeavesNoStaleName() {
        Table<ProjectSpec, ProjectStatus> t = Table.<ProjectSpec, ProjectStatus>empty()
                .put(project("id1", "web", "a", 1))
                .put(project("id1", "api", "a", 2));
        assertThat(t.byName("", "web")).isEmpty();
        assertThat(t.byName("", "api"))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("id1"));
        assertThat(t.page("", "", 10)).extracting(Resource::name).containsExactly("api");
    }

    @Test
    void aRemovedResourceIsGoneByIdAndByName() {
        Table<ProjectSpec, ProjectStatus> t = Table.<ProjectSpec, ProjectStatus>empty()
                .put(project("id1", "web", "a", 1))
                .put(project("id2", "db", "a", 2))
                .remove("id1");
        assertThat(t.get("id1")).isEmpty();
        assertThat(t.byName("", "web")).isEmpty();
        assertThat(t.page("", "", 10)).extracting(Resource::id).containsExactly("id2");
    }

    private static Resource<ProjectSpec, ProjectStatus> project(String id, String name, String description, long rev) {
        return new Resource<>(
                new Meta(id, "", name, new TreeMap<>(), 1, rev), new ProjectSpec(description), new ProjectStatus());
    }
}
