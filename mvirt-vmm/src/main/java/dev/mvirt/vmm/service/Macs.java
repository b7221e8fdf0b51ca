package dev.mvirt.vmm.service;

import dev.mvirt.vmm.model.VmId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable, locally administered unicast MACs derived from a VM id and NIC index (pure). */
final class Macs {
    private Macs() {}

    static String derive(VmId id, int index) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((id.value() + "/" + index).getBytes(StandardCharsets.UTF_8));
            byte[] mac = {0x52, 0x54, h[0], h[1], h[2], h[3]};
            return HexFormat.ofDelimiter(":").formatHex(mac);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
