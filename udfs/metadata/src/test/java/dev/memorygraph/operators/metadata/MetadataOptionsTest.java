package dev.memorygraph.operators.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong stage-6 options are refused before submission, naming the key. */
class MetadataOptionsTest {

    @TempDir Path tmp;

    @Test
    void defaultsAreValidAndLookUpNothing() {
        MetadataOptions options = MetadataOptions.fromConfig(new Configuration());
        assertThat(options.registry().configured()).isFalse();
        assertThat(options.users().configured()).isFalse();
        assertThat(options.joinWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.prices().size()).isPositive();
    }

    @Test
    void badValuesAreRefusedNamingTheKey() throws Exception {
        refused(MetadataOptions.ADDRESS.key(), "http://registry:9090");
        refused(MetadataOptions.ADDRESS.key(), "registry");
        refused(MetadataOptions.JOIN_WAIT.key(), "-1 s");
        refused(MetadataOptions.JOIN_RETENTION.key(), "1 min");
        refused(MetadataOptions.BATCH_SIZE.key(), "5000");
        refused(MetadataOptions.USER_URL.key(), "ftp://directory");
        refused(MetadataOptions.USER_GRAPH_ATTRIBUTES.key(), "team;id");
        refused(MetadataOptions.USER_GRAPH_ATTRIBUTES.key(), "team;e-mail");
        refused(MetadataOptions.USER_API_KEY_FILE.key(), tmp.resolve("absent").toString());
        refused(
                MetadataOptions.USER_API_KEY_FILE.key(),
                Files.writeString(tmp.resolve("empty"), " \n").toString());
        refused(
                MetadataOptions.FALLBACK_PRICES.key(),
                Files.writeString(tmp.resolve("prices.csv"), "m,never,1,2\n").toString());
    }

    @Test
    void credentialsInTheUserUrlAreRefusedWithoutEchoingThem() {
        Configuration config = new Configuration();
        config.setString(MetadataOptions.USER_URL.key(), "https://svc:s3cret-token@directory");
        assertThatThrownBy(() -> MetadataOptions.fromConfig(config))
                .hasMessageContaining(MetadataOptions.USER_URL.key())
                .hasMessageNotContaining("s3cret-token");
    }

    @Test
    void gRpcTargetsAreAccepted() {
        for (String target : List.of("registry:9090", "10.0.0.7:443", "dns:///registry:9090")) {
            Configuration config = new Configuration();
            config.setString(MetadataOptions.ADDRESS.key(), target);
            assertThat(MetadataOptions.fromConfig(config).registry().address()).isEqualTo(target);
        }
    }

    private static void refused(String key, String value) {
        Configuration config = new Configuration();
        config.setString(key, value);
        assertThatThrownBy(() -> MetadataOptions.fromConfig(config))
                .as(key + "=" + value)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }
}
