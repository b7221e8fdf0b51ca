package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.auth.NodeCredentials;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.store.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/nodes/{name}/revoke-credential}: admins only; the node's old credential stops verifying. */
class NodeCredentialApiTest {
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void revokingChangesOnlyThatNodesCredential() {
        f.store.submit(NodeCredentials.createSecret(), Caller.system()).join();
        String h1 = f.node("h1", 4, 4096);
        String h2 = f.node("h2", 4, 4096);
        ClusterState before = f.store.read();
        String old1 = NodeCredentials.credential(before, h1).orElseThrow();
        String old2 = NodeCredentials.credential(before, h2).orElseThrow();

        c.post("/api/v1/nodes/h1/revoke-credential", "").expect(204);

        ClusterState after = f.store.read();
        assertThat(NodeCredentials.verify(after, h1, old1)).isFalse();
        assertThat(NodeCredentials.verify(after, h2, old2)).isTrue();
        assertThat(NodeCredentials.credential(after, h1)).isPresent().get().isNotEqualTo(old1);
        assertThat(c.get("/api/v1/settings").expect(200).body()).doesNotContain("nodeSecret");
    }

    @Test
    void onlyAdminsRevokeAndUnknownNodesAre404() {
        f.node("h1", 4, 4096);
        long before = f.revision();
        c.as(f.token("ops", "operator", ""))
                .post("/api/v1/nodes/h1/revoke-credential", "")
                .problem(403, "forbidden");
        assertThat(f.revision()).isEqualTo(before + 1);
        c.post("/api/v1/nodes/nope/revoke-credential", "").problem(404, "not_found");
    }
}
