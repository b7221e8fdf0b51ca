package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.cli.command.Io;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console client against a stand-in server that has the WebSocket the API will get: the token is sent, the
 * hint comes after connecting, bytes flow both ways, the escape key detaches, a server close ends the session.
 */
class ConsoleSessionTest {
    private static final String BASE = "/api/v1/projects/default/vms/";
    static Javalin server;
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    static final StringBuffer RECEIVED = new StringBuffer();

    @BeforeAll
    static void start() {
        server = Javalin.create(c -> {
                    c.jetty.host = "127.0.0.1";
                    c.jetty.port = 0;
                    c.startup.showJavalinBanner = false;
                    c.routes.get(
                            BASE + "{name}",
                            ctx -> ctx.contentType("application/json").result("{\"name\":\"x\"}"));
                    c.routes.ws(BASE + "web/console", ws -> {
                        ws.onConnect(ctx -> {
                            SEEN.put("auth", String.valueOf(ctx.header("Authorization")));
                            SEEN.put("replay", String.valueOf(ctx.queryParam("replay")));
                            SEEN.put("force", String.valueOf(ctx.queryParam("force")));
                            ctx.send(ByteBuffer.wrap("boot log\r\nlogin: ".getBytes(StandardCharsets.UTF_8)));
                        });
                        ws.onBinaryMessage(ctx -> {
                            byte[] b = new byte[ctx.data().remaining()];
                            ctx.data().get(b);
                            RECEIVED.append(new String(b, StandardCharsets.UTF_8));
                        });
                    });
                    c.routes.ws(
                            BASE + "quiet/console",
                            ws -> ws.onConnect(ctx -> {
                                ctx.send(ByteBuffer.wrap("bye\r\n".getBytes(StandardCharsets.UTF_8)));
                                ctx.closeSession(1000, "the VM stopped");
                            }));
                })
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static ApiFixture.Run run(InputStream in, String... args) throws Exception {
        Path home = Files.createTempDirectory("mvirt-console");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8),
                in,
                out,
                false);
        Map<String, String> env = Map.of(
                "HOME",
                home.toString(),
                "MVIRT_ENDPOINT",
                "http://127.0.0.1:" + server.port(),
                "MVIRT_TOKEN",
                "secret-1");
        int code = Main.run(args, io, env);
        return new ApiFixture.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void relaysBothWaysAndDetachesOnTheEscapeKey() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        Thread typist = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(1500);
                keys.write("root\n".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                Thread.sleep(1000);
                keys.write(0x1d);
                keys.flush();
            } catch (Exception e) {
                // the test fails on its assertions
            }
        });
        var r = run(in, "vm", "console", "web", "--no-replay", "--force");
        typist.join();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("boot log", "login: ");
        assertThat(r.err().lines().toList())
                .containsExactly(
                        "Connected to the console of vm 'web'. Detach with Ctrl+].",
                        "",
                        "Disconnected from vm 'web' (escape key).");
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.toString().contains("root\n"));
        assertThat(SEEN)
                .containsEntry("auth", "Bearer secret-1")
                .containsEntry("replay", "0")
                .containsEntry("force", "true");
    }

    @Test
    void endsWhenTheServerClosesTheSession() throws Exception {
        PipedInputStream idle = new PipedInputStream(new PipedOutputStream());
        var r = run(idle, "console", "quiet", "--escape", "ctrl-a");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("bye");
        assertThat(r.err()).contains("Detach with Ctrl+A.").contains("Disconnected from vm 'quiet' (the VM stopped)");
    }
}
