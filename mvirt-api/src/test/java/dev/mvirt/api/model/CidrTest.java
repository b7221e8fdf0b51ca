package dev.mvirt.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void parsesBothFamilies() {
        Cidr v4 = Cidr.parse("10.1.0.0/16").orElseThrow();
        assertThat(v4.v4()).isTrue();
        assertThat(v4.size()).isEqualTo(BigInteger.valueOf(65536));
        assertThat(v4.gateway()).isEqualTo("10.1.0.1");
        assertThat(v4.toString()).isEqualTo("10.1.0.0/16");
        Cidr v6 = Cidr.parse("fd00:0:0:1::/64").orElseThrow();
        assertThat(v6.v4()).isFalse();
        assertThat(v6.toString()).isEqualTo("fd00:0:0:1::/64");
        assertThat(v6.at(BigInteger.TWO)).isEqualTo("fd00:0:0:1::2");
    }

    @Test
    void refusesHostBitsBadLengthsAndNames() {
        for (String bad : List.of(
                "10.0.0.1/24",
                "10.0.0.0/33",
                "10.0.0.0/",
                "10.0.0.0",
                "/24",
                "fd00::/129",
                "localhost/8",
                "10.0.0.0/x")) {
            assertThat(Cidr.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void containsAndOffsets() {
        Cidr c = Cidr.parse("192.168.1.0/24").orElseThrow();
        assertThat(c.contains(Cidr.address("192.168.1.200").orElseThrow())).isTrue();
        assertThat(c.contains(Cidr.address("192.168.2.0").orElseThrow())).isFalse();
        assertThat(c.contains(Cidr.address("::1").orElseThrow())).isFalse();
        assertThat(c.offsetOf(Cidr.address("192.168.1.7").orElseThrow())).isEqualTo(BigInteger.valueOf(7));
        assertThat(c.at(BigInteger.valueOf(255))).isEqualTo("192.168.1.255");
    }

    @Test
    void addressesAreLiteralsOnly() {
        assertThat(Cidr.address("example.com")).isEmpty();
        assertThat(Cidr.address("")).isEmpty();
        assertThat(Cidr.address("1.2.3")).isEmpty();
        assertThat(Cidr.address("fe80::1%eth0")).isEmpty();
        assertThat(Cidr.address("::ffff:10.0.0.1")).isPresent();
    }
}
