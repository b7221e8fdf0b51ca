package dev.mvirt.vmm.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.VmId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a NoCloud seed (pure): {@code meta-data} (instance-id, local-hostname, public-keys),
 * {@code user-data} (the given text, or a minimal #cloud-config with hostname and SSH keys) and
 * {@code network-config} when given. Scalars are written as JSON strings, which YAML reads verbatim.
 */
public final class NoCloudFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NoCloudFiles() {}

    /** File name to content, in a stable order. */
    public static Map<String, String> of(VmId id, CloudInit ci) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder meta = new StringBuilder()
                .append("instance-id: ")
                .append(quote(id.value()))
                .append('\n')
                .append("local-hostname: ")
                .append(quote(ci.hostname()))
                .append('\n');
        appendKeys(meta, "public-keys", ci);
        files.put("meta-data", meta.toString());
        files.put("user-data", ci.userData().isBlank() ? defaultUserData(ci) : ci.userData());
        if (!ci.networkConfig().isBlank()) {
            files.put("network-config", ci.networkConfig());
        }
        return files;
    }

    private static String defaultUserData(CloudInit ci) {
        StringBuilder u = new StringBuilder("#cloud-config\nhostname: ")
                .append(quote(ci.hostname()))
                .append('\n');
        appendKeys(u, "ssh_authorized_keys", ci);
        return u.toString();
    }

    private static void appendKeys(StringBuilder out, String key, CloudInit ci) {
        if (ci.sshAuthorizedKeys().isEmpty()) {
            return;
        }
        out.append(key).append(":\n");
        ci.sshAuthorizedKeys().forEach(k -> out.append("  - ").append(quote(k)).append('\n'));
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot quote " + s, e);
        }
    }
}
