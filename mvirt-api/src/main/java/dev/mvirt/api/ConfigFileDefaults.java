package dev.mvirt.api;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** Flag defaults from {@code --config FILE} ({@code raft=127.0.0.1:6001} etc.); flags on the command line win. */
final class ConfigFileDefaults implements CommandLine.IDefaultValueProvider {
    private final Properties props = new Properties();

    ConfigFileDefaults(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String file = args[i].startsWith("--config=")
                    ? args[i].substring(9)
                    : args[i].equals("--config") && i + 1 < args.length ? args[i + 1] : null;
            if (file != null) {
                try (Reader r = Files.newBufferedReader(Path.of(file))) {
                    props.load(r);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read config file " + file, e);
                }
            }
        }
    }

    @Override
    public @Nullable String defaultValue(CommandLine.Model.ArgSpec spec) {
        if (spec instanceof CommandLine.Model.OptionSpec o) {
            String key = o.longestName().replaceFirst("^--", "");
            String v = props.getProperty(key);
            return v != null ? v : spec.defaultValue();
        }
        return spec.defaultValue();
    }
}
