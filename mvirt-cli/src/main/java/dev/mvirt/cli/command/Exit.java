package dev.mvirt.cli.command;

/** The exit codes scripts can rely on (also in {@code mvirt --help} and the README). */
public enum Exit {
    OK(0, "success"),
    ERROR(1, "error (anything not listed below)"),
    USAGE(2, "usage: bad flags or arguments, or a destructive verb without a terminal and without -y"),
    NOT_FOUND(3, "not found: the resource (or its project) does not exist"),
    CONFLICT(4, "conflict: name taken, resource in use, or the revision changed (If-Match)"),
    TIMEOUT(5, "timeout: --wait ran out of time; the work continues on the server"),
    NO_CAPACITY(6, "no capacity: no node can take the VM"),
    AUTH(7, "not authenticated or not allowed (token missing, wrong or too weak)"),
    UNAVAILABLE(8, "the API cannot be reached or has no quorum"),
    NOT_SUPPORTED(9, "this server does not offer that endpoint (e.g. audit, console)"),
    INVALID(10, "invalid input refused by the server (the field is named)"),
    INTERRUPTED(130, "interrupted (Ctrl-C); work already sent continues on the server");

    private final int code;
    private final String meaning;

    Exit(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The lines of picocli's exit code list ({@code "code:meaning"}). */
    public static String[] table() {
        Exit[] all = values();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = String.format("%3d:%s", all[i].code, all[i].meaning);
        }
        return out;
    }
}
