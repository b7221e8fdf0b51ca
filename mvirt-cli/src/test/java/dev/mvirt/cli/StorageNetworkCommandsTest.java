package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Volumes, snapshots, templates, NICs, security groups and locks through their verbs. */
class StorageNetworkCommandsTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.node("store-1", 16, 65536);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void volumesSnapshotsAndRollback() {
        api.ok("volume", "create", "data", "--size", "10GiB", "--node", "store-1");
        assertThat(api.ok("volume", "list").out()).contains("data", "10GiB", "store-1");
        assertThat(api.ok("volume", "resize", "data", "20G", "-o", "json")
                        .json()
                        .at("/spec/sizeBytes")
                        .asLong())
                .isEqualTo(20L << 30);
        assertThat(api.ok("snapshot", "create", "data", "before").out())
                .contains("snapshot 'before' of volume 'data' created");
        assertThat(api.ok("snapshot", "list", "data").out()).contains("NAME", "before");
        assertThat(api.ok("snapshot", "list", "data", "-o", "json")
                        .json()
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo("before");
        JsonNode rolled = api.ok("volume", "rollback", "data", "before", "-y", "-o", "json")
                .json();
        assertThat(rolled.at("/spec/rollbackTo").asText()).isEqualTo("before");
        api.ok("snapshot", "delete", "data", "before", "-y");
        assertThat(api.ok("snapshot", "list", "data", "-o", "name").out()).isBlank();
        api.ok("volume", "delete", "data", "-y");
    }

    @Test
    void templates() {
        api.ok(
                "template",
                "create",
                "debian",
                "--source",
                "https://example.org/debian.qcow2",
                "--node",
                "store-1",
                "--format",
                "qcow2");
        assertThat(api.ok("template", "list").out()).contains("debian", "qcow2", "https://example.org/debian.qcow2");
        assertThat(api.ok("template", "get", "debian", "-o", "json")
                        .json()
                        .at("/spec/format")
                        .asText())
                .isEqualTo("qcow2");
        api.ok("template", "delete", "debian", "-y");
    }

    @Test
    void nicsAttachAndDetach() {
        api.ok("network", "create", "net1", "--ipv4", "10.5.0.0/24");
        api.ok(
                "security-group",
                "create",
                "web",
                "--description",
                "web servers",
                "--rule",
                "direction=ingress,protocol=tcp,port=80,cidr=0.0.0.0/0");
        api.ok("nic", "create", "eth0", "--network", "net1", "--security-group", "web");
        api.ok("vm", "create", "box", "--kernel", "/boot/vmlinuz", "--stopped");
        String nics = api.ok("nic", "list").out();
        assertThat(nics).contains("eth0", "net1", "10.5.0.");
        assertThat(api.ok("nic", "attach", "eth0", "box").out()).contains("box");
        var busy = api.run("nic", "delete", "eth0", "-y");
        assertThat(busy.code()).as(busy.err()).isEqualTo(4);
        assertThat(api.ok("vm", "get", "box", "-o", "wide").out()).contains("eth0");
        api.ok("nic", "detach", "eth0");
        api.ok("nic", "delete", "eth0", "-y");
        api.ok("vm", "delete", "box", "-y");
    }

    @Test
    void securityGroupRules() {
        api.ok("sg", "create", "ssh");
        JsonNode g = api.ok(
                        "security-group", "add-rule", "ssh", "protocol=tcp,port=22-23,cidr=10.0.0.0/8", "-o", "json")
                .json();
        assertThat(g.at("/spec/rules/0/portTo").asInt()).isEqualTo(23);
        assertThat(api.ok("security-group", "list").out()).contains("ssh").contains("1");
        api.ok("security-group", "remove-rule", "ssh", "0", "-y");
        assertThat(api.ok("security-group", "get", "ssh", "-o", "json")
                        .json()
                        .at("/spec/rules")
                        .size())
                .isZero();
        assertThat(api.run("security-group", "add-rule", "ssh", "port=x").code())
                .isEqualTo(2);
        api.ok("security-group", "delete", "ssh", "-y");
    }

    @Test
    void locks() {
        api.ok("lock", "acquire", "backup", "--owner", "job-1", "--ttl", "1m");
        assertThat(api.ok("lock", "list").out()).contains("backup", "job-1", "60s");
        assertThat(api.ok("lock", "get", "backup", "-o", "json")
                        .json()
                        .at("/spec/owner")
                        .asText())
                .isEqualTo("job-1");
        var taken = api.run("lock", "acquire", "backup", "--owner", "job-2");
        assertThat(taken.code()).as(taken.err()).isEqualTo(4);
        api.ok("lock", "release", "backup", "--owner", "job-1");
        assertThat(api.run("lock", "get", "backup").code()).isEqualTo(3);
    }
}
