package dev.mvirt.cli.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoint, token and project one command uses, and any warnings about how they were chosen. Precedence per
 * value: flag, then {@code MVIRT_*} environment, then the chosen remote in the file, then the default.
 */
public record Target(String remote, String endpoint, String token, String project, List<String> warnings) {
    /** Where the API is when nothing says otherwise. */
    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8080";
    /** The project when nothing says otherwise. */
    public static final String DEFAULT_PROJECT = "default";

    /** What the flags said ("" for not given). */
    public record Flags(String remote, String endpoint, String token, String project) {}

    /**
     * Resolves the target. The remote is {@code --remote}, else {@code MVIRT_REMOTE}, else the file's current one;
     * naming a remote that does not exist is an {@link IllegalArgumentException}.
     */
    public static Target resolve(Flags flags, Map<String, String> env, ConfigFile.Contents file) {
        String remoteName = first(flags.remote(), env.getOrDefault("MVIRT_REMOTE", ""), file.current());
        Remote remote = new Remote("", "", "");
        if (!remoteName.isEmpty()) {
            remote = Optional.ofNullable(file.remotes().get(remoteName))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no remote named '" + remoteName + "' (see mvirt remote list)"));
        }
        List<String> warnings = new ArrayList<>();
        String endpoint =
                pick("endpoint", flags.endpoint(), env, "MVIRT_ENDPOINT", remote.endpoint(), remoteName, warnings);
        String token = pick("token", flags.token(), env, "MVIRT_TOKEN", remote.token(), remoteName, warnings);
        String project = pick("project", flags.project(), env, "MVIRT_PROJECT", remote.project(), remoteName, warnings);
        return new Target(
                remoteName,
                endpoint.isEmpty() ? DEFAULT_ENDPOINT : endpoint,
                token,
                project.isEmpty() ? DEFAULT_PROJECT : project,
                List.copyOf(warnings));
    }

    private static String pick(
            String what,
            String flag,
            Map<String, String> env,
            String var,
            String fromRemote,
            String remote,
            List<String> warnings) {
        if (!flag.isEmpty()) {
            return flag;
        }
        String fromEnv = env.getOrDefault(var, "");
        if (!fromEnv.isEmpty()) {
            if (!remote.isEmpty() && !fromRemote.isEmpty() && !fromRemote.equals(fromEnv)) {
                warnings.add(var + " overrides the " + what + " of remote '" + remote + "'");
            }
            return fromEnv;
        }
        return fromRemote;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
