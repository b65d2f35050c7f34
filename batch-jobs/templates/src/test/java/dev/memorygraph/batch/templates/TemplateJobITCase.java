package dev.memorygraph.batch.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.batch.StreamingJobRun;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import dev.memorygraph.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

/**
 * The template job on a lake and a graph the streaming job wrote in the same test (real embeddings,
 * real Neo4j): planted templates come out with their instances and values, a template given on
 * events absorbs the prompts mined into it, one-off prompts get none, and a rerun leaves the graph
 * as it was.
 */
class TemplateJobITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final Instant DAY = Instant.parse("2026-11-30T08:00:00Z");

    static final String[][] WEATHER = {
        {"Lisbon", "2026-03-14"}, {"Osaka", "2026-04-02"}, {"Nairobi", "2026-05-20"},
        {"Toronto", "2026-06-11"}, {"Santiago", "2026-07-30"}, {"Krakow", "2026-08-09"}
    };
    static final String[][] REFUND = {
        {"48213", "a damaged screen"},
        {"55102", "the late delivery"},
        {"60877", "wrong size"},
        {"71934", "missing charger"},
        {"80456", "a broken zipper"},
        {"81220", "cracked lid"},
        {"90318", "the faulty battery"},
        {"93001", "torn strap"}
    };
    static final String[] REVIEWED = {
        "parse_invoice",
        "merge_accounts",
        "render_chart",
        "load_user",
        "send_receipt",
        "sync_orders"
    };
    static final String[] ONE_OFFS = {
        "Which houseplants survive in a dark bathroom?",
        "Give me a recipe for vegan lasagna",
        "List three famous paintings by Frida Kahlo",
        "Suggest a name for a bakery in Lisbon",
        "What causes the northern lights?",
        "Write a haiku about autumn rain",
        "Explain quantum entanglement to a ten year old",
        "What is a good gift for a retiring colleague?"
    };
    static final String GIVEN = "Review the function {{code}} for bugs and suggest fixes.";

    static EmbeddedKafka kafka;
    static Driver driver;
    static Path lake;
    static final List<PromptEvent> prompts = new ArrayList<>();
    static final Map<String, String> weatherCity = new TreeMap<>();
    static final List<String> oneOffs = new ArrayList<>();

    @TempDir static Path tmp;

    @BeforeAll
    static void writeLakeAndGraph() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, "tpl.dlq", "tpl.reconcile");
        driver = GraphDatabase.driver(EmbeddedNeo4j.shared().boltUri().toString());
        Neo4jTestSupport.wipe(driver);
        lake = tmp.resolve("lake");
        for (String[] w : WEATHER) {
            String id =
                    add(
                            "What will the weather be like in " + w[0] + " on " + w[1] + "?",
                            null,
                            null);
            weatherCity.put(id, w[0]);
        }
        for (String[] r : REFUND) {
            add("I want a refund for order " + r[0] + " because of " + r[1] + ".", null, null);
        }
        // two prompts give their template, the others only follow it
        add(
                "Review the function " + REVIEWED[0] + " for bugs and suggest fixes.",
                GIVEN,
                "{\"code\":\"" + REVIEWED[0] + "\"}");
        add(
                "Review the function " + REVIEWED[1] + " for bugs and suggest fixes.",
                GIVEN,
                "{\"code\":\"" + REVIEWED[1] + "\"}");
        for (int i = 2; i < REVIEWED.length; i++) {
            add("Review the function " + REVIEWED[i] + " for bugs and suggest fixes.", null, null);
        }
        for (String text : ONE_OFFS) {
            oneOffs.add(add(text, null, null));
        }
        StreamingJobRun.run(config(), prompts);
        assertThat(Neo4jTestSupport.nodeCounts(driver))
                .containsEntry("Prompt", (long) prompts.size());
    }

    static String add(String text, String template, String parameters) {
        int n = prompts.size();
        String id = UUID.nameUUIDFromBytes(("t" + n).getBytes(StandardCharsets.UTF_8)).toString();
        prompts.add(
                new PromptEvent(
                        id,
                        DAY.plusSeconds(37L * n),
                        new Prompt(text, template, parameters, null, null),
                        new SessionRef("s" + n % 3, "u" + n % 3, "app-1", "chat"),
                        new ModelRef("gpt-4o", "openai", null, null),
                        null,
                        null,
                        null));
        return id;
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
        kafka.close();
    }

    @Test
    void minesThePlantedTemplatesMergesTheGivenOneAndARerunChangesNothing() {
        BoundedJobs.Outcome outcome = templates("2026-11-30");

        assertThat(outcome.code()).as(outcome.summary()).isEqualTo(ExitCode.SUCCESS);
        Map<String, List<String>> mined = minedTemplates();
        assertThat(mined.keySet())
                .extracting(TemplateMiner::shape)
                .contains(
                        TemplateMiner.shape("What will the weather be like in {{x}} on {{date}}?"),
                        TemplateMiner.shape(
                                "I want a refund for order {{number}} because of {{x}}."));
        String weather =
                mined.keySet().stream()
                        .filter(t -> t.startsWith("What will"))
                        .findFirst()
                        .orElseThrow();
        assertThat(weather).contains("{{date}}");
        assertThat(mined.get(weather)).containsExactlyInAnyOrderElementsOf(weatherCity.keySet());
        for (Record r :
                Neo4jTestSupport.query(
                        driver,
                        "MATCH (p:Prompt)-[r:INSTANCE_OF {source: 'mined'}]->(t:Template {template: $t})"
                                + " RETURN p.id AS id, r.parameters AS parameters,"
                                + " r.parameterCount AS n",
                        Map.of("t", weather))) {
            assertThat(r.get("n").asLong()).isEqualTo(2);
            // a city is a place the PII stage flags: under the default policy (flag) its text
            // stays in clear, and then its values are not written
            if (!r.get("parameters").isNull()) {
                assertThat(r.get("parameters").asString())
                        .contains(weatherCity.get(r.get("id").asString()));
            }
        }
        // the given template: no mined node of its shape, its followers linked to it
        assertThat(mined.keySet())
                .extracting(TemplateMiner::shape)
                .doesNotContain(TemplateMiner.shape(GIVEN));
        assertThat(
                        Neo4jTestSupport.query(
                                        driver,
                                        "MATCH (p:Prompt)-[:INSTANCE_OF]->(t:Template {source: 'provided'})"
                                                + " RETURN count(DISTINCT p) AS c",
                                        Map.of())
                                .get(0)
                                .get("c")
                                .asLong())
                .isEqualTo(REVIEWED.length);
        assertThat(
                        Neo4jTestSupport.query(
                                        driver,
                                        "MATCH (p:Prompt)-[r:INSTANCE_OF {source: 'mined'}]->() WHERE p.id IN $ids"
                                                + " RETURN count(r) AS c",
                                        Map.of("ids", oneOffs))
                                .get(0)
                                .get("c")
                                .asLong())
                .isZero();

        Map<String, Long> nodes = Neo4jTestSupport.nodeCounts(driver);
        Map<String, Long> relationships = Neo4jTestSupport.relationshipCounts(driver);
        BoundedJobs.Outcome again = templates("2026-11-30");
        assertThat(again.summary()).isEqualTo(outcome.summary());
        assertThat(Neo4jTestSupport.nodeCounts(driver)).isEqualTo(nodes);
        assertThat(Neo4jTestSupport.relationshipCounts(driver)).isEqualTo(relationships);
        assertThat(minedTemplates()).isEqualTo(mined);
    }

    @Test
    void aDayWithoutPromptsExitsZeroAndSaysSo() {
        BoundedJobs.Outcome outcome = templates("2025-01-10");
        assertThat(outcome.code()).isEqualTo(ExitCode.SUCCESS);
        assertThat(outcome.summary()).startsWith("nothing to do");
    }

    @Test
    void aBadRadiusIsRefusedNamingTheKey() {
        BoundedJobs.Outcome outcome = templates("2026-11-30", "--templates.radius", "1.5");
        assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.summary()).contains("templates.radius");
    }

    /** Mined template string to the ids of its instances, sorted. */
    static Map<String, List<String>> minedTemplates() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Record r :
                Neo4jTestSupport.query(
                        driver,
                        "MATCH (p:Prompt)-[:INSTANCE_OF {source: 'mined'}]->(t:Template {source: 'mined'})"
                                + " RETURN t.template AS t, p.id AS p ORDER BY p",
                        Map.of())) {
            out.computeIfAbsent(r.get("t").asString(), t -> new ArrayList<>())
                    .add(r.get("p").asString());
        }
        return out;
    }

    static BoundedJobs.Outcome templates(String date, String... extra) {
        List<String> args =
                new ArrayList<>(List.of("--execution.runtime-mode", "BATCH", "--date", date));
        config().toMap().forEach((key, value) -> args.addAll(List.of("--" + key, value)));
        args.addAll(List.of(extra));
        return BoundedJobs.run(
                TemplateJob.NAME,
                args.toArray(String[]::new),
                StreamExecutionEnvironment.getExecutionEnvironment(),
                (config, env) -> TemplateJob.run(config, env).outcome());
    }

    static Configuration config() {
        Configuration config = new Configuration();
        config.setString("lake.path", lake.toUri().toString());
        config.setString("neo4j.uri", EmbeddedNeo4j.shared().boltUri().toString());
        config.setString("kafka.bootstrap-servers", kafka.bootstrapServers());
        config.setString("kafka.topic.dlq", "tpl.dlq");
        config.setString("kafka.topic.reconciliation", "tpl.reconcile");
        config.setString("pipeline.generic-types", "false");
        return config;
    }
}
