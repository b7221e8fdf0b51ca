package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mvirt join-token create/list/revoke} and {@code mvirt node revoke-credential} against a real REST API. */
class JoinTokenCommandTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void createShowsTheSecretOnceListHidesItRevokeMarksIt() {
        var created = api.ok("join-token", "create", "rack-1", "--expires", "24h");
        String secret = created.out().trim();
        assertThat(secret).startsWith("mvj_");
        assertThat(created.err()).contains("shown only now");
        String list = api.ok("join-token", "list").out();
        assertThat(list).contains("NAME", "EXPIRES", "rack-1", "in 2").doesNotContain(secret);
        assertThat(api.ok("join-token", "ls", "-o", "json")
                        .json()
                        .at("/items/0/name")
                        .asText())
                .isEqualTo("rack-1");
        api.ok("join-token", "revoke", "rack-1", "-y");
        assertThat(api.ok("join-token", "list", "-o", "json")
                        .json()
                        .at("/items/0/revoked")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badInputIsRefusedBeforeTheServer() {
        assertThat(api.run("join-token", "create", "../x").code()).isNotZero();
        assertThat(api.run("join-token", "create", "x", "--expires", "soon").code())
                .isEqualTo(2);
        assertThat(api.run("join-token", "revoke", "nope", "-y").code()).isEqualTo(3);
    }

    @Test
    void aNodesCredentialIsRevokedByName() {
        api.node("cred-host", 4, 4096);
        var r = api.ok("node", "revoke-credential", "cred-host", "-y");
        assertThat(r.out()).contains("node 'cred-host': credential revoked");
        assertThat(api.run("node", "revoke-credential", "no-such-host", "-y").code())
                .isEqualTo(3);
        assertThat(api.run("node", "revoke-credential", "cred-host").code()).isEqualTo(2);
    }
}
