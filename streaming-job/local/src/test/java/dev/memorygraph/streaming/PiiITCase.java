package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.model.ConversationMessage;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptContext;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.model.Usage;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.operators.lake.LakeTestSupport;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.operators.pii.PiiPolicy;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.LocalDataVault;
import dev.memorygraph.testing.TestPki;
import dev.memorygraph.testing.TestRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * Planted PII through Kafka, the whole streaming job and a real mutual-TLS Data Vault: under {@code
 * redact} and {@code vault} no planted value reaches the event lake, the dead-letter topic or the
 * graph; the vault holds the vaulted texts.
 */
class PiiITCase extends KafkaNeo4jTestBase {

    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    /** Values planted in prompts, history and responses; none may leave the PII stage. */
    static final List<String> PLANTED =
            List.of(
                    "maria.planted@example.com",
                    "+1 415-555-2671",
                    "536-22-1234",
                    "4111 1111 1111 1111",
                    "DE89 3704 0044 0532 0130 00",
                    "203.0.113.45",
                    "Maria Garcia");

    @TempDir static Path pkiDir;
    static TestPki pki;

    @TempDir Path tmp;

    @BeforeAll
    static void certificates() throws Exception {
        pki = new TestPki(pkiDir);
        Files.writeString(pkiDir.resolve("vault-key.txt"), "vault-key-123\n");
    }

    @Test
    void plantedPiiNeverReachesTheLakeTheDlqOrTheGraphUnderRedactAndVault() throws Exception {
        try (LocalDataVault vault = new LocalDataVault(pki)) {
            Run run = new Run("ok", vault.url().toString());
            run.execute(10);

            List<EnrichedEvent> lake = LakeTestSupport.readRows(run.lake);
            assertThat(lake).hasSize(10);
            assertClean(run, lake);
            // acme (redact): placeholders; globex (vault): the marker and a secret id.
            assertThat(lake)
                    .filteredOn(
                            e -> e.event().text() != null && e.event().text().contains("<EMAIL>"))
                    .isNotEmpty();
            List<EnrichedEvent> vaulted =
                    lake.stream()
                            .filter(e -> e.pii() != null && e.pii().textSecretId() != null)
                            .toList();
            assertThat(vaulted).hasSize(2);
            assertThat(vaulted)
                    .allSatisfy(
                            e -> {
                                assertThat(e.event().text()).isEqualTo(PiiPolicy.VAULT_MARKER);
                                assertThat(e.pii().policy()).isEqualTo("vault");
                                assertThat(e.pii().types()).contains("EMAIL", "PERSON");
                            });
            assertThat(vault.secrets())
                    .hasSize(2)
                    .allSatisfy(
                            s -> {
                                assertThat(s.tenantId()).isEqualTo("globex");
                                assertThat(s.text()).contains("maria.planted@example.com");
                                assertThat(s.authorization()).isEqualTo("Bearer vault-key-123");
                            });
            assertThat(run.deadLetters()).isEmpty();
        }
    }

    @Test
    void whenTheVaultIsDownTheEventGoesToTheDlqRedacted() throws Exception {
        LocalDataVault gone = new LocalDataVault(pki);
        String url = gone.url().toString();
        gone.close();
        Run run = new Run("down", url);
        run.execute(8);

        List<EnrichedEvent> lake = LakeTestSupport.readRows(run.lake);
        assertThat(lake).hasSize(8); // the two vault-tenant prompts are not there
        List<ConsumerRecord<byte[], byte[]>> letters = run.deadLetters();
        assertThat(letters).hasSize(2);
        assertThat(letters)
                .allSatisfy(
                        l -> assertThat(header(l, "dlq.reason")).isEqualTo("VAULT_UNAVAILABLE"));
        assertThat(letters)
                .allSatisfy(l -> assertThat(utf8(l.value())).contains("<EMAIL>", "<PERSON>"));
        assertClean(run, lake);
    }

    void assertClean(Run run, List<EnrichedEvent> lake) throws Exception {
        for (EnrichedEvent e : lake) {
            String row = EventJson.payloadJson(e.event()) + " " + e.text() + " " + e.pii();
            for (String value : PLANTED) {
                assertThat(row).as("lake row of %s", e.eventId()).doesNotContain(value);
            }
        }
        for (ConsumerRecord<byte[], byte[]> letter : run.deadLetters()) {
            StringBuilder all = new StringBuilder(utf8(letter.value()));
            for (Header h : letter.headers()) {
                all.append(' ').append(utf8(h.value()));
            }
            for (String value : PLANTED) {
                assertThat(all.toString()).doesNotContain(value);
            }
        }
        for (Record r :
                Neo4jTestSupport.query(driver, "MATCH (n) RETURN properties(n) AS p", Map.of())) {
            String props = r.get("p").asMap().toString();
            for (String value : PLANTED) {
                assertThat(props).doesNotContain(value);
            }
        }
    }

    /** One job run: topics, events from three tenants, the job with its PII configuration. */
    final class Run {
        final String prompts;
        final String responses;
        final String dlq;
        final Path lake = tmp.resolve("lake"); // where LocalJobConfig.forTopics puts it
        final Configuration config;
        final List<TestRecord> records = new ArrayList<>();

        Run(String name, String vaultUrl) throws Exception {
            prompts = "pii-" + name + ".prompts";
            responses = "pii-" + name + ".responses";
            dlq = "pii-" + name + ".dlq";
            config =
                    LocalJobConfig.forTopics(
                            kafka, "pii-" + name, tmp, EmbeddedNeo4j.shared().boltUri());
            config.set(PiiOptions.DEFAULT_POLICY, "redact");
            config.set(PiiOptions.TENANT_POLICIES, "acme:redact,globex:vault,initech:redact");
            config.set(PiiOptions.VAULT_URL, vaultUrl);
            config.set(PiiOptions.VAULT_API_KEY_FILE, pkiDir.resolve("vault-key.txt").toString());
            config.set(PiiOptions.VAULT_KEY_STORE, pki.clientStore.toString());
            config.set(PiiOptions.VAULT_KEY_STORE_PASSWORD_FILE, pki.passwordFile.toString());
            config.set(PiiOptions.VAULT_TRUST_STORE, pki.trustStore.toString());
            config.set(PiiOptions.VAULT_TRUST_STORE_PASSWORD_FILE, pki.passwordFile.toString());
            config.set(PiiOptions.RETRY.initialBackoff, Duration.ofMillis(20));
            for (String tenant : List.of("acme", "globex", "initech")) {
                for (int i = 0; i < 2; i++) {
                    String id = UUID.randomUUID().toString();
                    add(prompts, prompt(id, tenant, i));
                    if (!tenant.equals("globex")) {
                        add(responses, response(id));
                    }
                }
            }
        }

        void execute(int expectedLakeRows) throws Exception {
            try (KafkaTrafficProducer producer =
                    new KafkaTrafficProducer(kafka.bootstrapServers())) {
                producer.sendAll(records);
            }
            int expectedLetters = records.size() - expectedLakeRows;
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(config);
            StreamingJob.fromConfig(config).build(env);
            JobClient client = env.executeAsync("pii-it");
            try {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(300))
                        .until(
                                () ->
                                        LakeFiles.committedRows(lake) >= expectedLakeRows
                                                && kafka.endOffsetSum(dlq) >= expectedLetters
                                                && Neo4jTestSupport.nodeCounts(driver)
                                                                .getOrDefault("Prompt", 0L)
                                                        >= 4);
            } finally {
                client.cancel().get();
            }
        }

        List<ConsumerRecord<byte[], byte[]>> deadLetters() throws Exception {
            return kafka.readAll(dlq);
        }

        private void add(String topic, Object event) throws Exception {
            String json = EventJson.mapper().writeValueAsString(event);
            String id = EventJson.mapper().readTree(json).get("eventId").asText();
            records.add(TestRecord.valid(topic, id, json, id));
        }
    }

    static PromptEvent prompt(String id, String tenant, int i) {
        String text =
                "Please email Maria Garcia at maria.planted@example.com or call +1 415-555-2671;"
                        + " her SSN is 536-22-1234 and she pays with 4111 1111 1111 1111"
                        + " from IBAN DE89 3704 0044 0532 0130 00. Request "
                        + i
                        + ".";
        return new PromptEvent(
                id,
                T0.plusSeconds(i),
                new Prompt(text, null, null, null, "{\"tenantId\":\"" + tenant + "\"}"),
                new SessionRef("session-" + tenant, "user-" + tenant, "app", "chat"),
                new ModelRef("gpt-4o", "openai", null, null),
                new PromptContext(
                        List.of(new ConversationMessage("user", "My IP is 203.0.113.45, help.")),
                        null,
                        null),
                null,
                null);
    }

    static ResponseEvent response(String promptId) {
        return new ResponseEvent(
                UUID.randomUUID().toString(),
                T0.plusSeconds(30),
                promptId,
                new ResponseBody(
                        "I wrote to maria.planted@example.com and Maria Garcia will call back.",
                        "stop",
                        null,
                        null),
                new Usage(10L, 20L, 30L),
                null,
                null,
                null,
                null);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : utf8(h.value());
    }

    static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
