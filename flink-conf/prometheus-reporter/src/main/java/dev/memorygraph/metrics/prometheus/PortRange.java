package dev.memorygraph.metrics.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The ports the reporter may listen on, written like Flink's own reporter takes them: a single port
 * ({@code 9249}), a range ({@code 9249-9259}) or a comma-separated list of both. Several task
 * managers on one host each take the first port that is still free, so a range is the usual value.
 * Port {@code 0} asks the operating system for any free port.
 */
final class PortRange {

    private static final int MAX_PORT = 65_535;

    private final String spec;
    private final List<int[]> ranges;

    private PortRange(String spec, List<int[]> ranges) {
        this.spec = spec;
        this.ranges = ranges;
    }

    /**
     * Parses {@code spec}, failing on anything that is not a port, a range or a list of them.
     *
     * @throws IllegalArgumentException naming the offending part
     */
    static PortRange parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("The port must not be empty.");
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : spec.split(",")) {
            String trimmed = part.trim();
            int dash = trimmed.indexOf('-');
            int first = parsePort(dash < 0 ? trimmed : trimmed.substring(0, dash), spec);
            int last = dash < 0 ? first : parsePort(trimmed.substring(dash + 1), spec);
            if (last < first) {
                throw new IllegalArgumentException(
                        "Port range '" + trimmed + "' in '" + spec + "' ends before it starts.");
            }
            ranges.add(new int[] {first, last});
        }
        return new PortRange(spec.trim(), List.copyOf(ranges));
    }

    private static int parsePort(String text, String spec) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text.trim() + "' in port setting '" + spec + "' is not a port.", e);
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(
                    "Port " + port + " in '" + spec + "' is outside 0-" + MAX_PORT + ".");
        }
        return port;
    }

    /** The ports in the order they are tried. */
    IntStream ports() {
        return ranges.stream().flatMapToInt(r -> IntStream.rangeClosed(r[0], r[1]));
    }

    @Override
    public String toString() {
        return spec;
    }
}
