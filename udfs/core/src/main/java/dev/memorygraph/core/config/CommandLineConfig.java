package dev.memorygraph.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.YamlParserUtils;

/**
 * The command-line edge of every job: {@code --config FILE} loads a configuration file (Flink's
 * {@code config.yaml} format, nested or flat, or {@code key=value} lines), then each {@code --key
 * value} pair overrides it. Keys are the dotted {@code ConfigOption} keys of the {@code *Options}
 * classes and any Flink option.
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

    /**
     * A configuration file: Flink's standard YAML ({@code config.yaml}, nested or with dotted keys;
     * nested keys are joined with dots, lists kept in YAML form) or, failing that, flat {@code
     * key=value} / {@code key: value} lines.
     */
    static Configuration load(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("Cannot read the --config file " + file);
        }
        Map<String, Object> yaml = null;
        try {
            yaml = YamlParserUtils.loadYamlFile(file.toFile());
        } catch (Exception notYaml) {
            // Not a YAML mapping (e.g. key=value lines): read it as properties below.
        }
        Configuration config = new Configuration();
        if (yaml != null && !yaml.isEmpty()) {
            flatten("", yaml, config);
            return config;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            config.setString(key.trim(), value);
        }
        return config;
    }

    private static void flatten(String prefix, Map<?, ?> map, Configuration into) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into);
            } else if (value instanceof List<?> list) {
                into.setString(key, YamlParserUtils.toYAMLString(list).strip());
            } else if (value != null) {
                into.setString(key, String.valueOf(value));
            }
        }
    }
}
