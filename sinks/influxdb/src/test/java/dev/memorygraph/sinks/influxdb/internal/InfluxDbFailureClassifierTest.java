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

    @Test
    void overloadHonoursTheServersRetryAfterWhenLongerThanTheSchedule() {
        InfluxException limited =
                new InfluxException(
                        Response.error(
                                ResponseBody.create(MediaType.parse("application/json"), "{}"),
                                new okhttp3.Response.Builder()
                                        .code(429)
                                        .message("Too Many Requests")
                                        .protocol(okhttp3.Protocol.HTTP_1_1)
                                        .header("Retry-After", "30")
                                        .request(
                                                new okhttp3.Request.Builder()
                                                        .url("http://localhost/api/v2/write")
                                                        .build())
                                        .build()));
        dev.memorygraph.sinks.base.Classification verdict = classifier.classify(limited);
        dev.memorygraph.core.retry.RetryPolicy schedule =
                dev.memorygraph.core.retry.RetryPolicy.SPEC_DEFAULT;

        assertThat(verdict.outcome()).isEqualTo(WriteOutcome.RETRY);
        assertThat(verdict.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(verdict.delay(schedule, 0)).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(
                        InfluxDbFailureClassifier.retryAfter(
                                java.util.Map.of("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")))
                .isEqualTo(java.time.Duration.ZERO);
        assertThat(InfluxDbFailureClassifier.retryAfter(java.util.Map.of("Retry-After", "soon")))
                .isNull();
        assertThat(
                        dev.memorygraph.sinks.base.Classification.retryAfter(
                                        "429", java.time.Duration.ofMillis(10))
                                .delay(schedule, 0))
                .isEqualTo(schedule.delay(0));
        assertThat(
                        dev.memorygraph.sinks.base.Classification.retryAfter(
                                        "429", java.time.Duration.ofHours(1))
                                .delay(schedule, 0))
                .isEqualTo(dev.memorygraph.sinks.base.Classification.MAX_RETRY_AFTER);
    }
}
