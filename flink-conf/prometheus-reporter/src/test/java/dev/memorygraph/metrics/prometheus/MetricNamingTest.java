package dev.memorygraph.metrics.prometheus;

import static dev.memorygraph.metrics.prometheus.TestingMetricGroup.OPERATOR_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricNamingTest {

    /** The group of {@code addGroup("storage_backend", "neo4j")} on an operator. */
    private static final TestingMetricGroup NEO4J_GROUP =
            new TestingMetricGroup(
                    OPERATOR_SCOPE + ".storage_backend",
                    Map.of("<storage_backend>", "neo4j", "<subtask_index>", "0"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "events_received_total",
                "dead_letters_total",
                "write_latency_seconds",
                "enrichment_duration_seconds",
                "cache_hit_rate",
                "validation_error_rate",
                "pii_findings_total",
                "http_2xx_total"
            })
    void snakeCaseMetricsKeepTheirOwnNameWhateverTheirGroup(String name) {
        assertThat(MetricNaming.isPipelineMetric(name)).isTrue();
        assertThat(MetricNaming.exportedName(name, NEO4J_GROUP)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "numRecordsIn",
                "isBackPressured",
                "Used",
                "total",
                "records-lag-max",
                "Events_total",
                "events__total",
                "_total",
                "events_total_",
                "2xx_total",
                "events.total"
            })
    void everyOtherMetricIsNotAPipelineMetric(String name) {
        assertThat(MetricNaming.isPipelineMetric(name)).isFalse();
    }

    @Test
    void flinkMetricsAreNamedLikeFlinksReporterNamesThem() {
        TestingMetricGroup operator = new TestingMetricGroup(OPERATOR_SCOPE, Map.of());

        assertThat(MetricNaming.exportedName("numRecordsIn", operator))
                .isEqualTo("flink_taskmanager_job_task_operator_numRecordsIn");
        assertThat(
                        MetricNaming.exportedName(
                                "records-lag-max",
                                new TestingMetricGroup(
                                        OPERATOR_SCOPE + ".KafkaSourceReader.KafkaConsumer",
                                        Map.of())))
                .isEqualTo(
                        "flink_taskmanager_job_task_operator_KafkaSourceReader_KafkaConsumer_records_lag_max");
    }

    @Test
    void aFlinkStyleNameCarriesTheKeyOfAKeyValueGroupWhichIsWhyPipelineMetricsDoNot() {
        assertThat(MetricNaming.exportedName("writeLatency", NEO4J_GROUP))
                .isEqualTo("flink_taskmanager_job_task_operator_storage_backend_writeLatency");
        assertThat(MetricNaming.exportedName("write_latency_seconds", NEO4J_GROUP))
                .isEqualTo("write_latency_seconds");
    }

    @Test
    void scopeComponentsAreSanitized() {
        TestingMetricGroup group = new TestingMetricGroup("taskmanager.my-group.a b", Map.of());

        assertThat(MetricNaming.exportedName("count", group))
                .isEqualTo("flink_taskmanager_my_group_a_b_count");
    }

    @Test
    void labelsAreAllGroupVariablesWithoutAngleBracketsSortedByName() {
        TestingMetricGroup group =
                new TestingMetricGroup(
                        OPERATOR_SCOPE + ".stage.reason",
                        Map.of(
                                "<stage>", "validate",
                                "<reason>", "MALFORMED_JSON",
                                "<subtask_index>", "1",
                                "<tm-id>", "tm 1"));

        assertThat(MetricNaming.labels(group))
                .containsExactly(
                        Map.entry("reason", "MALFORMED_JSON"),
                        Map.entry("stage", "validate"),
                        Map.entry("subtask_index", "1"),
                        Map.entry("tm_id", "tm 1"));
    }

    @Test
    void labelNamesAreSanitizedAndNeverStartWithADigit() {
        assertThat(MetricNaming.labelName("<host>")).isEqualTo("host");
        assertThat(MetricNaming.labelName("<pii.type>")).isEqualTo("pii_type");
        assertThat(MetricNaming.labelName("<2fa>")).isEqualTo("_2fa");
        assertThat(MetricNaming.labelName("plain")).isEqualTo("plain");
    }

    @Test
    void twoVariablesMappingToOneLabelNameAreRefused() {
        TestingMetricGroup group =
                new TestingMetricGroup(OPERATOR_SCOPE, Map.of("<a.b>", "1", "<a_b>", "2"));

        assertThatThrownBy(() -> MetricNaming.labels(group))
                .isInstanceOfSatisfying(
                        MetricNaming.DuplicateLabelException.class,
                        e -> assertThat(e.labelName()).isEqualTo("a_b"));
    }
}
