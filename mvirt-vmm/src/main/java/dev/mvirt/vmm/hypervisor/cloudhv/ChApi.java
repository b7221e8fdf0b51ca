package dev.mvirt.vmm.hypervisor.cloudhv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.vmm.model.HypervisorException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** cloud-hypervisor's REST API on one VMM's {@code --api-socket}; non-2xx answers throw with the body. */
final class ChApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path socket;

    ChApi(Path socket) {
        this.socket = socket;
    }

    /** {@code PUT /api/v1/ACTION} with an optional JSON body. */
    void put(String action, Optional<String> body) {
        call("PUT", action, body);
    }

    /** {@code GET /api/v1/vm.info}: the VM's state (Created, Running, Shutdown, ...). */
    String vmState() {
        try {
            return JSON.readTree(call("GET", "vm.info", Optional.empty()).body())
                    .path("state")
                    .asText();
        } catch (IOException e) {
            throw new HypervisorException("vm.info: unreadable answer: " + e.getMessage(), e);
        }
    }

    /** {@code GET /api/v1/vmm.ping} answers 200. */
    boolean answers() {
        try {
            UnixHttp.Response r = UnixHttp.send(socket, "GET", "/api/v1/vmm.ping", Optional.empty());
            JsonNode ping = JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
            return r.ok() && ping.has("version");
        } catch (IOException e) {
            return false;
        }
    }

    private UnixHttp.Response call(String method, String action, Optional<String> body) {
        try {
            UnixHttp.Response r = UnixHttp.send(socket, method, "/api/v1/" + action, body);
            if (!r.ok()) {
                throw new HypervisorException(
                        action + " answered " + r.status() + ": " + r.body().strip());
            }
            return r;
        } catch (IOException e) {
            throw new HypervisorException(action + ": " + e.getMessage(), e);
        }
    }
}
