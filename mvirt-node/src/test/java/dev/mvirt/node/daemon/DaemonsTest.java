package dev.mvirt.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DaemonsTest {
    @Test
    void fakesOnRequestAndUnbuiltDaemonsRefusedPlainly() {
        assertThat(Daemons.storage("fake")).isInstanceOf(FakeStorageDaemon.class);
        assertThat(Daemons.net("fake")).isInstanceOf(FakeNetDaemon.class);
        assertThatThrownBy(() -> Daemons.storage("unix:/run/mvirt/zfs.sock")).hasMessageContaining("not built yet");
        assertThatThrownBy(() -> Daemons.net("unix:/run/mvirt/net.sock")).hasMessageContaining("not built yet");
        assertThatThrownBy(() -> Daemons.net("relative.sock")).hasMessageContaining("--net");
    }
}
