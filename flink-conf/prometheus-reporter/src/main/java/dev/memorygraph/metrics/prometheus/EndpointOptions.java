package dev.memorygraph.metrics.prometheus;

import java.util.Optional;
import java.util.Properties;

/**
 * Where the reporter serves its scrape endpoint, read from the reporter's section of the Flink
 * configuration ({@code metrics.reporter.<name>.*}). Defaults: {@value #DEFAULT_PORT} on every
 * interface.
 *
 * @param host the address to bind, or empty for every interface
 * @param ports the ports to try, first free one wins
 */
record EndpointOptions(Optional<String> host, PortRange ports) {

    /** A port ({@code 9249}), a range ({@code 9249-9259}) or a comma-separated list of both. */
    static final String PORT = "port";

    /** The address to bind; unset binds every interface. */
    static final String HOST = "host";

    /** The port Flink's own Prometheus reporter uses, so existing scrape configs keep working. */
    static final String DEFAULT_PORT = "9249";

    /**
     * Reads and validates the options, so a typo fails the reporter's creation rather than the
     * first scrape.
     *
     * @throws IllegalArgumentException if the port setting does not parse
     */
    static EndpointOptions from(Properties properties) {
        String host = value(properties, HOST, "").trim();
        PortRange ports = PortRange.parse(value(properties, PORT, DEFAULT_PORT));
        return new EndpointOptions(host.isEmpty() ? Optional.empty() : Optional.of(host), ports);
    }

    // Flink copies its Configuration into the reporter's properties as raw objects, so a port set
    // programmatically as a number is an Integer, which Properties.getProperty would hide.
    private static String value(Properties properties, String key, String defaultValue) {
        Object value = properties.get(key);
        return value == null ? defaultValue : value.toString();
    }
}
