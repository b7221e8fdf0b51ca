package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;

/** Security group rules written as {@code direction=ingress,protocol=tcp,port=22-23,cidr=10.0.0.0/8}. */
final class Rules {
    private Rules() {}

    /** The API's Rule object for {@code text}; USAGE when a key is unknown or a port is not a number. */
    static ObjectNode parse(String text) {
        ObjectNode rule = ApiClient.json().createObjectNode();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw bad(text, "each part is key=value");
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "direction", "protocol", "cidr" -> rule.put(key, value);
                case "peer", "peer-group", "peerGroup" -> rule.put("peerGroup", value);
                case "port", "ports" -> ports(rule, value, text);
                default -> throw bad(text, "unknown key '" + key + "' (direction, protocol, port, cidr, peer)");
            }
        }
        if (!rule.has("direction")) {
            rule.put("direction", "ingress");
        }
        return rule;
    }

    private static void ports(ObjectNode rule, String value, String text) {
        String[] range = value.split("-", 2);
        try {
            rule.put("portFrom", Integer.parseInt(range[0]));
            rule.put("portTo", Integer.parseInt(range.length == 2 ? range[1] : range[0]));
        } catch (NumberFormatException e) {
            throw bad(text, "port is N or N-M");
        }
    }

    private static CliException bad(String text, String why) {
        return new CliException(Exit.USAGE, "rule '" + Names.printable(text) + "': " + why);
    }
}
