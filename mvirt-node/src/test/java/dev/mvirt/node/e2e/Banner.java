package dev.mvirt.node.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bin/mvirt-dev} prints once the cluster runs: the API URL, the admin token file, the demo guest's
 * directory and the commands to try (the indented lines after "Try:").
 */
record Banner(String url, Path tokenFile, Path guest, List<String> commands) {
    static Banner parse(String output) {
        String url = "";
        String token = "";
        String guest = "";
        List<String> commands = new ArrayList<>();
        boolean tryLines = false;
        for (String line : output.split("\n")) {
            if (tryLines && line.startsWith("  ")) {
                commands.add(line.strip());
            } else if (line.startsWith("  API:")) {
                url = value(line);
            } else if (line.startsWith("  admin token:")) {
                token = value(line);
            } else if (line.startsWith("  demo guest:")) {
                guest = value(line).split(" ")[0].replaceFirst("/vmlinuz$", "");
            }
            tryLines = tryLines && line.startsWith("  ") || line.equals("Try:");
        }
        if (url.isEmpty() || token.isEmpty() || guest.isEmpty()) {
            throw new AssertionError("mvirt-dev's banner lacks the URL, token file or guest:\n" + output);
        }
        return new Banner(url, Path.of(token), Path.of(guest), List.copyOf(commands));
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }
}
