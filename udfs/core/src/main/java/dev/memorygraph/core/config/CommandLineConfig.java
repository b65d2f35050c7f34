package dev.memorygraph.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;

/**
 * The command-line edge of every job: {@code --config FILE} loads a flat file of {@code key: value}
 * (or {@code key=value}) lines, then each {@code --key value} pair overrides it. Keys are the
 * dotted {@code ConfigOption} keys of the {@code *Options} classes and any Flink option.
 */
public final class CommandLineConfig {

    public static final String CONFIG_FILE_ARG = "config";

    private CommandLineConfig() {}

    public static Configuration parse(String[] args) throws IOException {
        Configuration fromFile = new Configuration();
        Configuration fromArgs = new Configuration();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException(
                        "Expected --key value, got argument #" + (i + 1));
            }
            String key = arg.substring(2);
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("Missing value for --" + key);
            }
            String value = args[++i];
            if (key.equals(CONFIG_FILE_ARG)) {
                fromFile.addAll(load(Path.of(value)));
            } else {
                fromArgs.setString(key, value);
            }
        }
        fromFile.addAll(fromArgs);
        return fromFile;
    }

    static Configuration load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        Configuration config = new Configuration();
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            config.setString(key.trim(), value);
        }
        return config;
    }
}
