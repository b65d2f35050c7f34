package dev.memorygraph.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {

    @Test
    void aSinglePort() {
        assertThat(PortRange.parse("9249").ports()).containsExactly(9249);
    }

    @Test
    void aRangeIsTriedInOrder() {
        assertThat(PortRange.parse("9249-9251").ports()).containsExactly(9249, 9250, 9251);
    }

    @Test
    void aListOfPortsAndRanges() {
        assertThat(PortRange.parse(" 9249 , 9300-9301,0").ports())
                .containsExactly(9249, 9300, 9301, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "http", "9251-9249", "70000", "-1", "9249-", "9249,,9250"})
    void anythingElseIsRefused(String spec) {
        assertThatThrownBy(() -> PortRange.parse(spec))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsDefaultToFlinksPortOnEveryInterface() {
        EndpointOptions options = EndpointOptions.from(new Properties());

        assertThat(options.host()).isEmpty();
        assertThat(options.ports().ports()).containsExactly(9249);
    }

    @Test
    void optionsTakeHostAndPortsAlsoWhenFlinkPassesANumber() {
        Properties properties = new Properties();
        properties.put(EndpointOptions.HOST, " 127.0.0.1 ");
        properties.put(EndpointOptions.PORT, 9300);

        EndpointOptions options = EndpointOptions.from(properties);

        assertThat(options.host()).isEqualTo(Optional.of("127.0.0.1"));
        assertThat(options.ports().ports()).containsExactly(9300);
    }
}
