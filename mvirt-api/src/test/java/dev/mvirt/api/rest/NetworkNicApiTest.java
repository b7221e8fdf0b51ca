package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkNicApiTest {
    private static final String NETS = "/api/v1/projects/default/networks";
    private static final String NICS = "/api/v1/projects/default/nics";
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    private void network(String name, String cidr) {
        c.post(NETS, "{\"name\":\"" + name + "\",\"spec\":{\"ipv4Cidr\":\"" + cidr + "\",\"dns\":[\"1.1.1.1\"]}}")
                .expect(201);
    }

    @Test
    void networkLifecycleAndForceDelete() {
        network("lan", "10.0.0.0/24");
        JsonNode n = c.get(NETS + "/lan").expect(200).json();
        assertThat(n.at("/spec/ipv4Cidr").asText()).isEqualTo("10.0.0.0/24");
        assertThat(n.at("/status/allocatedAddresses").asInt()).isZero();
        c.post(NICS, "{\"name\":\"eth0\",\"spec\":{\"network\":\"lan\"}}").expect(201);
        c.delete(NETS + "/lan").problem(409, "network_in_use");
        c.patch(NETS + "/lan", "{\"spec\":{\"ipv4Cidr\":\"10.9.0.0/24\"}}").problem(409, "network_in_use");
        c.delete(NETS + "/lan?force=true").expect(204);
        c.get(NICS + "/eth0").problem(404, "not_found");
    }

    @Test
    void nicGetsAnAddressByNetworkName() {
        network("lan", "10.0.0.0/24");
        JsonNode nic = c.post(NICS, "{\"name\":\"eth0\",\"spec\":{\"network\":\"lan\"}}")
                .expect(201)
                .json();
        String netId = c.get(NETS + "/lan").json().get("id").asText();
        assertThat(nic.at("/spec/network").asText()).isEqualTo(netId);
        assertThat(nic.at("/spec/ipv4").asText()).isEqualTo("10.0.0.2");
        assertThat(nic.at("/spec/mac").asText()).startsWith("02:");
        assertThat(c.get(NETS + "/lan").json().at("/status/allocatedAddresses").asInt())
                .isEqualTo(1);
    }

    @Test
    void unknownReferenceIs422NamingTheField() {
        long before = f.revision();
        JsonNode p = c.post(NICS, "{\"name\":\"eth0\",\"spec\":{\"network\":\"nope\"}}")
                .problem(422, "invalid");
        assertThat(p.get("field").asText()).isEqualTo("spec.network");
        assertThat(f.revision()).isEqualTo(before);
    }

    @Test
    void takenAddressIs409() {
        network("lan", "10.0.0.0/24");
        c.post(NICS, "{\"name\":\"a\",\"spec\":{\"network\":\"lan\",\"ipv4\":\"10.0.0.9\"}}")
                .expect(201);
        c.post(NICS, "{\"name\":\"b\",\"spec\":{\"network\":\"lan\",\"ipv4\":\"10.0.0.9\"}}")
                .problem(409, "address_taken");
    }

    @Test
    void attachAndDetach() {
        network("lan", "10.0.0.0/24");
        f.node("h1", 8, 8192);
        c.post(NICS, "{\"name\":\"eth0\",\"spec\":{\"network\":\"lan\"}}").expect(201);
        c.post(NICS, "{\"name\":\"eth1\",\"spec\":{\"network\":\"lan\"}}").expect(201);
        c.post("/api/v1/projects/default/vms", VmApiTest.vm("web", "\"nics\":[\"eth0\"]"))
                .expect(202);
        String vmId = c.get("/api/v1/projects/default/vms/web").json().get("id").asText();
        JsonNode nic =
                c.post(NICS + "/eth1/attach", "{\"vm\":\"web\"}").expect(200).json();
        assertThat(nic.at("/spec/vm").asText()).isEqualTo(vmId);
        c.post(NICS + "/eth1/attach", "{\"vm\":\"web\"}").expect(200);
        c.delete(NICS + "/eth1").problem(409, "nic_attached");
        assertThat(c.post(NICS + "/eth1/detach", "")
                        .expect(200)
                        .json()
                        .at("/spec/vm")
                        .asText())
                .isEmpty();
        c.post(NICS + "/eth1/attach", "{\"vm\":\"ghost\"}").problem(422, "invalid");
        c.post(NICS + "/ghost/attach", "{\"vm\":\"web\"}").problem(404, "not_found");
    }

    @Test
    void securityGroupsByNameAndRules() {
        String sgs = "/api/v1/projects/default/securityGroups";
        c.post(
                        sgs,
                        "{\"name\":\"web\",\"spec\":{\"rules\":[{\"direction\":\"ingress\",\"protocol\":\"tcp\","
                                + "\"portFrom\":80,\"portTo\":80,\"peerGroup\":\"web\"}]}}")
                .expect(201);
        JsonNode g = c.post(sgs + "/web/rules", "{\"direction\":\"egress\"}")
                .expect(201)
                .json();
        assertThat(g.at("/spec/rules")).hasSize(2);
        assertThat(g.at("/spec/rules/1/protocol").asText()).isEqualTo("any");
        assertThat(g.at("/spec/rules/0/peerGroup").asText())
                .isEqualTo(g.get("id").asText());
        c.delete(sgs + "/web/rules/0").expect(200);
        c.delete(sgs + "/web/rules/7").problem(404, "not_found");
        JsonNode p = c.post(sgs + "/web/rules", "{\"direction\":\"ingress\",\"protocol\":\"icmp\",\"portFrom\":5}")
                .problem(422, "invalid");
        assertThat(p.get("field").asText()).startsWith("spec.rules[1]");
        network("lan", "10.0.0.0/24");
        c.post(NICS, "{\"name\":\"eth0\",\"spec\":{\"network\":\"lan\",\"securityGroups\":[\"web\"]}}")
                .expect(201);
        c.delete(sgs + "/web").problem(409, "security_group_in_use");
        c.get(sgs).expect(200);
    }
}
