package dev.memorygraph.sinks.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.exceptions.InfluxException;
import dev.memorygraph.sinks.base.WriteOutcome;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import retrofit2.Response;

class InfluxDbFailureClassifierTest {

    private final InfluxDbFailureClassifier classifier = new InfluxDbFailureClassifier();

    @ParameterizedTest
    @CsvSource({
        "429, RETRY",
        "503, RETRY",
        "500, RETRY",
        "400, REJECT",
        "413, REJECT",
        "422, REJECT",
        "401, FAIL",
        "403, FAIL",
        "404, FAIL",
        "405, FAIL",
    })
    void judgesAWriteByItsStatus(int status, WriteOutcome outcome) {
        InfluxException error =
                new InfluxException(
                        Response.error(
                                status,
                                ResponseBody.create(
                                        MediaType.parse("application/json"),
                                        "{\"code\":\"x\",\"message\":\"point quotes data\"}")));

        assertThat(classifier.classify(error).outcome()).isEqualTo(outcome);
        assertThat(classifier.classify(error).code())
                .startsWith(String.valueOf(status))
                .doesNotContain("quotes");
    }

    @Test
    void connectionErrorsAreRetriedEvenWhenTheClientWrapsThem() {
        assertThat(
                        classifier
                                .classify(new InfluxException(new ConnectException("refused")))
                                .outcome())
                .isEqualTo(WriteOutcome.RETRY);
        assertThat(
                        classifier
                                .classify(new UncheckedIOException(new ConnectException("refused")))
                                .outcome())
                .isEqualTo(WriteOutcome.RETRY);
        assertThat(classifier.classify(new IllegalStateException()).outcome())
                .isEqualTo(WriteOutcome.FAIL);
    }
}
