package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remotes in config.yaml: add, list, use, remove; 0600; flags over env over file, with a warning. */
class RemoteTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.ok("project", "create", "lab");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Map<String, String> bare(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        return env;
    }

    @Test
    void addUseListRemoveInAPrivateFile(@TempDir Path home) throws Exception {
        Map<String, String> env = bare(home);
        var add =
                ApiFixture.run(env, "", false, "remote", "add", "lab", api.endpoint, "--token", api.token, "-p", "lab");
        assertThat(add.code()).as(add.err()).isZero();
        Path file = home.resolve(".config/mvirt/config.yaml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("current: lab").contains(api.token);
        ApiFixture.run(env, "", false, "network", "create", "n1", "--ipv4", "10.3.0.0/24");
        assertThat(api.api("/api/v1/projects/lab/networks")
                        .path("items")
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo("n1");
        assertThat(ApiFixture.run(env, "", false, "remote", "add", "dead", "http://127.0.0.1:1")
                        .code())
                .isZero();
        assertThat(ApiFixture.run(env, "", false, "remote", "list").out()).contains("* ", "lab", "dead", "yes", "no");
        assertThat(ApiFixture.run(env, "", false, "remote", "use", "dead").code())
                .isZero();
        assertThat(ApiFixture.run(env, "", false, "network", "list").code()).isEqualTo(8);
        assertThat(ApiFixture.run(env, "", false, "--remote", "lab", "network", "list")
                        .out())
                .contains("n1");
        assertThat(ApiFixture.run(env, "", false, "remote", "use", "nope").code())
                .isEqualTo(3);
        assertThat(ApiFixture.run(env, "", false, "remote", "remove", "dead", "-y")
                        .code())
                .isZero();
        assertThat(ApiFixture.run(env, "", false, "remote", "list").out()).doesNotContain("dead");
        assertThat(ApiFixture.run(env, "", false, "--remote", "ghost", "vm", "list")
                        .code())
                .isEqualTo(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void flagsBeatEnvironmentBeatsFileAndEnvOverridesWarn(@TempDir Path home) {
        Map<String, String> env = bare(home);
        ApiFixture.run(env, "", false, "remote", "add", "lab", api.endpoint, "--token", api.token, "-p", "lab");
        env.put("MVIRT_PROJECT", "default");
        var fromEnv = ApiFixture.run(env, "", false, "network", "create", "env-net", "--ipv4", "10.4.0.0/24");
        assertThat(fromEnv.code()).as(fromEnv.err()).isZero();
        assertThat(fromEnv.err()).contains("warning: MVIRT_PROJECT overrides the project of remote 'lab'");
        assertThat(api.api("/api/v1/projects/default/networks").toString()).contains("env-net");
        var fromFlag = ApiFixture.run(env, "", false, "-p", "lab", "network", "list", "-o", "name");
        assertThat(fromFlag.err()).doesNotContain("warning");
        assertThat(fromFlag.out()).doesNotContain("env-net");
        env.put("MVIRT_TOKEN", "bogus");
        assertThat(ApiFixture.run(env, "", false, "network", "list").code()).isEqualTo(7);
        assertThat(ApiFixture.run(env, "", false, "--token", api.token, "network", "list")
                        .code())
                .isZero();
    }

    @Test
    void xdgConfigHomeWins(@TempDir Path home) {
        Map<String, String> env = bare(home);
        env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
        assertThat(ApiFixture.run(env, "", false, "remote", "add", "x", api.endpoint)
                        .code())
                .isZero();
        assertThat(home.resolve("xdg/mvirt/config.yaml")).exists();
        assertThat(home.resolve(".config/mvirt/config.yaml")).doesNotExist();
        assertThat(ApiFixture.run(env, "", false, "remote", "add", "bad/name", api.endpoint)
                        .code())
                .isEqualTo(2);
        assertThat(ApiFixture.run(env, "", false, "remote", "add", "y", "ftp://host")
                        .code())
                .isEqualTo(2);
    }
}
