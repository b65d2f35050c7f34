package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.batch.reenrich.ReEnrichmentJob;
import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.operators.lake.LakeTestSupport;
import dev.memorygraph.operators.metadata.MetadataOptions;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.LocalModelRegistry;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec §2.2, "Enrichment service unavailable": with the model registry down for the first half of a
 * run, the streaming job holds nothing back (every event reaches the lake and the graph; those
 * without registry data have fallback prices and {@code registry} missing) and sends each such
 * event, and only those, to {@code llm.reenrich.v1}; with the registry back, the re-enrichment job
 * completes every one of them through the same sinks, and a second run finds nothing left. Counts
 * are exact.
 */
class ReEnrichmentITCase extends KafkaNeo4jTestBase {

    @TempDir Path tmp;

    @Test
    void eventsThatWentOnWithoutTheRegistryAreCompletedByTheReEnrichmentJob() throws Exception {
        LocalModelRegistry registry = LocalModelRegistry.start().withGeneratorModels();
        String address = registry.address();
        registry.stop();
        try {
            Configuration config =
                    LocalJobConfig.forTopics(
                            kafka, "reenrich", tmp, EmbeddedNeo4j.shared().boltUri());
            config.set(MetadataOptions.ADDRESS, address);
            List<TestRecord> records =
                    new TrafficGenerator(
                                    TrafficGenerator.Config.defaults(
                                            "reenrich.prompts",
                                            "reenrich.responses",
                                            "reenrich.sessions"),
                                    Clock.systemUTC())
                            .take(300);
            Set<String> valid =
                    records.stream()
                            .filter(r -> r.kind() == TestRecord.Kind.VALID)
                            .map(TestRecord::eventId)
                            .collect(Collectors.toSet());
            int half = records.size() / 2;
            // the first half's prompts and responses, but a response whose prompt comes later:
            // the join holds that one until its prompt, after the registry is back
            Set<String> firstHalf = answerable(records.subList(0, half));
            long modelled = modelled(records).size();
            config.set(MetadataOptions.INITIAL_BACKOFF, Duration.ofMillis(200));
            config.set(MetadataOptions.MAX_BACKOFF, Duration.ofMillis(500));

            Path lake = tmp.resolve("lake");
            String queue = config.get(KafkaOptions.REENRICH_TOPIC);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(config);
            StreamingJob.fromConfig(config).build(env);
            JobClient job = env.executeAsync("reenrich-it");
            try (KafkaTrafficProducer producer =
                    new KafkaTrafficProducer(kafka.bootstrapServers())) {
                // the first half while the registry is down, the second once it is back
                producer.sendAll(records.subList(0, half));
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> kafka.endOffsetSum(queue) >= firstHalf.size());
                registry.resume();
                // the job sees it again once both subtasks' update streams are back, and at least
                // a pause of lookups (0.5 s at most here) after the last failure
                await().pollDelay(Duration.ofMillis(600))
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> registry.openStreams() >= 2);
                producer.sendAll(records.subList(half, records.size()));
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> LakeFiles.committedRows(lake) >= valid.size());
            } finally {
                job.cancel().get();
            }
            // not held back, not lost: every event went on; those without registry data are
            // marked in the lake and queued, one record each
            long queued = kafka.endOffsetSum(queue);
            List<EnrichedEvent> before = LakeTestSupport.readLake(lake);
            assertThat(before).extracting(EnrichedEvent::eventId).hasSize(valid.size());
            Set<String> marked =
                    before.stream()
                            .filter(
                                    e ->
                                            e.metadataOrNone()
                                                    .missing()
                                                    .contains(Metadata.MISSING_REGISTRY))
                            .map(EnrichedEvent::eventId)
                            .collect(Collectors.toSet());
            assertThat(marked).containsAll(firstHalf).hasSize((int) queued);
            assertThat(queued).isLessThan(modelled); // the registry answered the second half

            BoundedJobs.Outcome outcome =
                    BoundedJobs.run(
                            ReEnrichmentJob.NAME,
                            LocalJobConfig.batchArguments(config),
                            StreamExecutionEnvironment.getExecutionEnvironment(),
                            (c, e) -> ReEnrichmentJob.reEnrich(c, e).outcome());
            assertThat(outcome.code()).as(outcome.summary()).isEqualTo(ExitCode.SUCCESS);
            assertThat(outcome.summary())
                    .contains("read " + queued)
                    .contains("complete " + queued)
                    .contains("offsets committed");

            List<EnrichedEvent> after = LakeTestSupport.readLake(lake);
            assertThat(after).extracting(EnrichedEvent::eventId).hasSize(valid.size());
            List<EnrichedEvent> responses =
                    after.stream().filter(e -> e.event().type() == EventType.RESPONSE).toList();
            assertThat(after).allSatisfy(e -> assertThat(e.metadataOrNone().missing()).isEmpty());
            assertThat(responses)
                    .allSatisfy(
                            r -> {
                                Cost cost = r.metadata().cost();
                                if (EnrichmentITCase.UNKNOWN_MODEL.equals(r.modelId())) {
                                    assertThat(cost.status()).isEqualTo(Cost.UNPRICED);
                                } else {
                                    assertThat(cost.priceSource()).isEqualTo(Cost.PRICES_REGISTRY);
                                }
                            });
            var graph =
                    driver.session()
                            .run(
                                    "MATCH (r:Response) RETURN count(r) AS all,"
                                            + " count(CASE WHEN size(r.missing) = 0 THEN 1 END)"
                                            + " AS complete,"
                                            + " count(CASE WHEN r.costSource = 'registry' THEN 1"
                                            + " END) AS registry")
                            .single();
            assertThat(graph.get("all").asLong()).isEqualTo(responses.size());
            assertThat(graph.get("complete").asLong()).isEqualTo(responses.size());
            long unknown =
                    responses.stream()
                            .filter(r -> EnrichmentITCase.UNKNOWN_MODEL.equals(r.modelId()))
                            .count();
            assertThat(graph.get("registry").asLong()).isEqualTo(responses.size() - unknown);

            BoundedJobs.Outcome again =
                    BoundedJobs.run(
                            ReEnrichmentJob.NAME,
                            LocalJobConfig.batchArguments(config),
                            StreamExecutionEnvironment.getExecutionEnvironment(),
                            (c, e) -> ReEnrichmentJob.reEnrich(c, e).outcome());
            assertThat(again.code()).isEqualTo(ExitCode.SUCCESS);
            assertThat(again.summary()).contains("read 0");
            assertThat(kafka.endOffsetSum(queue)).isEqualTo(queued);
        } finally {
            registry.close();
        }
    }

    /** The distinct valid prompts and responses of {@code records}. */
    private static Set<String> modelled(List<TestRecord> records) {
        return records.stream()
                .filter(r -> r.kind() == TestRecord.Kind.VALID)
                .filter(r -> !r.topic().endsWith(".sessions"))
                .map(TestRecord::eventId)
                .collect(Collectors.toSet());
    }

    /** {@link #modelled} without the responses whose prompt is not among {@code records}. */
    private static Set<String> answerable(List<TestRecord> records) throws Exception {
        Set<String> ids = modelled(records);
        Set<String> out = new java.util.HashSet<>();
        for (TestRecord r : records) {
            if (r.kind() != TestRecord.Kind.VALID) {
                continue;
            }
            if (r.topic().endsWith(".responses")) {
                String prompt =
                        dev.memorygraph.model.EventJson.mapper()
                                .readTree(r.value())
                                .path("promptEventId")
                                .asText();
                if (ids.contains(prompt)) {
                    out.add(r.eventId());
                }
            } else if (r.topic().endsWith(".prompts")) {
                out.add(r.eventId());
            }
        }
        return out;
    }
}
