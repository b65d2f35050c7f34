package dev.memorygraph.sinks.elasticsearch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import dev.memorygraph.sinks.base.Classification;
import dev.memorygraph.sinks.base.WriteOutcome;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchItemException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElasticsearchFailureClassifierTest {

    private final ElasticsearchFailureClassifier classifier = new ElasticsearchFailureClassifier();

    @ParameterizedTest
    @CsvSource({
        "429, es_rejected_execution_exception, RETRY",
        "429, circuit_breaking_exception, RETRY",
        "503, unavailable_shards_exception, RETRY",
        "500, exception, RETRY",
        "400, document_parsing_exception, REJECT",
        "400, mapper_parsing_exception, REJECT",
        "400, illegal_argument_exception, REJECT",
        "409, version_conflict_engine_exception, REJECT",
        "413, content_too_long_exception, REJECT",
        "404, index_not_found_exception, FAIL",
        "401, security_exception, FAIL",
        "403, security_exception, FAIL",
    })
    void judgesEachBulkItemByStatusAndType(int status, String type, WriteOutcome outcome) {
        Classification verdict = classifier.classify(new ElasticsearchItemException(status, type));

        assertThat(verdict.outcome()).isEqualTo(outcome);
        assertThat(verdict.code()).isEqualTo(status + " " + type);
    }

    @Test
    void aWholeRequestRefusedWithA4xxFailsTheJobInsteadOfRejectingTheBatch() {
        assertThat(classifier.classify(requestError(400, "parse_exception")).outcome())
                .isEqualTo(WriteOutcome.FAIL);
        assertThat(classifier.classify(requestError(403, "security_exception")))
                .isEqualTo(Classification.fail("403 security_exception"));
        assertThat(
                        classifier
                                .classify(requestError(503, "master_not_discovered_exception"))
                                .outcome())
                .isEqualTo(WriteOutcome.RETRY);
    }

    @Test
    void connectionErrorsAreRetriedAndAnythingUnknownFailsTheJob() {
        assertThat(classifier.classify(new ConnectException("refused")))
                .isEqualTo(Classification.retry("java.net.ConnectException"));
        assertThat(classifier.classify(new SocketTimeoutException()).outcome())
                .isEqualTo(WriteOutcome.RETRY);
        assertThat(classifier.classify(new IllegalStateException("bug")).outcome())
                .isEqualTo(WriteOutcome.FAIL);
    }

    private static ElasticsearchException requestError(int status, String type) {
        return new ElasticsearchException(
                "bulk",
                ErrorResponse.of(e -> e.status(status).error(c -> c.type(type).reason("r"))));
    }
}
