package dev.memorygraph.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resources under {@code k8s/} and {@code flink-conf/config.yaml}, checked offline: every
 * document against its schema (closed, so a typo fails), every Flink key a current Flink option,
 * every job key a job option, the streaming deployment equal to {@code config.yaml}, every secret
 * file in the Secret, every CronJob on the spec's schedule and on a main class that exists (or
 * suspended until it does), and the image holding the jars the resources name.
 */
class ManifestsTest {

    static final Path K8S = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path ROOT = K8S.getParent();
    static final String SECRETS = "/etc/memory-graph/secrets/";

    /** Keys of config.yaml a FlinkDeployment sets differently, and why (README, "Deploying"). */
    static final Map<String, String> KUBERNETES_DIFFERENCES =
            Map.of(
                    "rest.port", "the operator's service owns the port",
                    "metrics.reporter.prom.port", "one pod per process: the scrape port is fixed",
                    "jobmanager.memory.process.size", "spec.jobManager.resource.memory",
                    "taskmanager.memory.process.size", "spec.taskManager.resource.memory");

    /** The spec's §4 schedules (UTC) of the bounded jobs' CronJobs. */
    static final Map<String, String> SCHEDULES =
            Map.of(
                    "memory-graph-similarity", "0 2 * * *",
                    "memory-graph-templates", "0 3 * * *",
                    "memory-graph-anomalies", "0 4 * * *",
                    "memory-graph-archival", "0 1 * * 0",
                    "memory-graph-compliance", "0 0 1 * *");

    static ManifestSchemas schemas;
    static Map<String, List<JsonNode>> manifests;

    @BeforeAll
    static void load() throws IOException {
        schemas = new ManifestSchemas(K8S.resolve("schemas/flink-kubernetes-operator-1.15.0"));
        manifests = new TreeMap<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".yaml") && !name.equals("kustomization.yaml")) {
                    manifests.put(name, ManifestSchemas.documents(file));
                }
            }
        }
    }

    @Test
    void everyResourceMatchesItsSchema() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonNode>> file : manifests.entrySet()) {
            for (JsonNode resource : file.getValue()) {
                List<String> found = schemas.validate(resource);
                if (!found.isEmpty()) {
                    problems.put(file.getKey() + " " + name(resource), found);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(resources("FlinkDeployment")).hasSize(2);
        assertThat(resources("CronJob")).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aMisspeltFieldFailsTheSchemas() {
        ObjectNode deployment = resource("FlinkDeployment", "memory-graph-streaming").deepCopy();
        ((ObjectNode) deployment.path("spec").path("job")).put("upgradeMod", "savepoint");
        assertThat(schemas.validate(deployment)).anyMatch(p -> p.contains("upgradeMod"));

        ObjectNode podTemplate = resource("FlinkDeployment", "memory-graph-streaming").deepCopy();
        ((ObjectNode) podTemplate.path("spec").path("podTemplate").path("spec"))
                .put("securityContex", "x");
        assertThat(schemas.validate(podTemplate)).anyMatch(p -> p.contains("securityContex"));

        ObjectNode cronJob = resource("CronJob", "memory-graph-similarity").deepCopy();
        ((ObjectNode) cronJob.path("spec")).put("scheudle", "0 2 * * *");
        assertThat(schemas.validate(cronJob)).anyMatch(p -> p.contains("scheudle"));

        ObjectNode container = resource("CronJob", "memory-graph-similarity").deepCopy();
        ((ObjectNode)
                        container
                                .path("spec")
                                .path("jobTemplate")
                                .path("spec")
                                .path("template")
                                .path("spec")
                                .path("containers")
                                .get(0))
                .put("imagePullPolicyy", "Always");
        assertThat(schemas.validate(container)).anyMatch(p -> p.contains("imagePullPolicyy"));
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Set<String> listed = new HashSet<>();
        ManifestSchemas.documents(K8S.resolve("kustomization.yaml"))
                .get(0)
                .path("resources")
                .forEach(r -> listed.add(r.asText()));
        Set<String> expected = new HashSet<>(manifests.keySet());
        // an example to copy, never applied as is
        expected.remove("secrets.example.yaml");
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void flinkConfigurationKeysAreCurrentFlinkOptions() throws Exception {
        Map<String, ConfigOption<?>> flink = flinkOptions();
        Map<String, String> deprecated = deprecatedKeys(flink.values());
        Map<String, String> config = flatten(ManifestSchemas.YAML.readTree(configYaml().toFile()));
        List<String> problems = new ArrayList<>();
        List<Map<String, String>> all = new ArrayList<>(List.of(config));
        for (JsonNode deployment : resources("FlinkDeployment")) {
            all.add(flatten(deployment.path("spec").path("flinkConfiguration")));
        }
        for (Map<String, String> keys : all) {
            for (String key : keys.keySet()) {
                if (deprecated.containsKey(key)) {
                    problems.add(key + " is deprecated: use " + deprecated.get(key));
                } else if (!flink.containsKey(key)
                        && !key.startsWith("metrics.reporter.")
                        && !key.startsWith("kubernetes.operator.")) {
                    problems.add(key + " is not a Flink option");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theStreamingDeploymentRunsWithConfigYaml() throws Exception {
        JsonNode deployment = resource("FlinkDeployment", "memory-graph-streaming");
        Map<String, String> config = flatten(ManifestSchemas.YAML.readTree(configYaml().toFile()));
        Map<String, String> k8s = flatten(deployment.path("spec").path("flinkConfiguration"));
        Map<String, String> different = new TreeMap<>();
        for (Map.Entry<String, String> e : config.entrySet()) {
            if (!KUBERNETES_DIFFERENCES.containsKey(e.getKey())
                    && !e.getValue().equals(k8s.get(e.getKey()))) {
                different.put(e.getKey(), e.getValue() + " vs " + k8s.get(e.getKey()));
            }
        }
        assertThat(different).as("config.yaml vs streaming-job.yaml").isEmpty();
        assertThat(deployment.at("/spec/taskManager/resource/memory").asText())
                .isEqualTo(config.get("taskmanager.memory.process.size"));
        assertThat(deployment.at("/spec/jobManager/resource/memory").asText())
                .isEqualTo(config.get("jobmanager.memory.process.size"));
        assertThat(deployment.at("/spec/job/upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(k8s.get("high-availability.type")).isEqualTo("kubernetes");
        assertThat(
                        deployment
                                .at("/spec/podTemplate/metadata/annotations/prometheus.io~1port")
                                .asText())
                .isEqualTo(k8s.get("metrics.reporter.prom.port"));
        Class.forName(deployment.at("/spec/job/entryClass").asText());
    }

    @Test
    void jobOptionsAreKnownAndEverySecretIsAMountedFile() throws Exception {
        Set<String> known = jobOptionKeys();
        JsonNode optionsMap = resource("ConfigMap", "memory-graph-job-options");
        Map<String, String> options =
                flatten(
                        ManifestSchemas.YAML.readTree(
                                optionsMap.path("data").path("job-options.yaml").asText()));
        assertThat(options.keySet()).allMatch(known::contains, "a job option");
        Set<String> secretKeys = new HashSet<>();
        resource("Secret", "memory-graph-secrets")
                .path("stringData")
                .fieldNames()
                .forEachRemaining(secretKeys::add);
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (option.getKey().endsWith("-file")) {
                assertThat(option.getValue()).as(option.getKey()).startsWith(SECRETS);
                used.add(option.getValue().substring(SECRETS.length()));
            } else {
                assertThat(option.getKey())
                        .as("secrets are files, never values")
                        .doesNotContain("password", "token", "api-key");
            }
        }
        assertThat(used).isEqualTo(secretKeys);
    }

    @Test
    void cronJobsRunOnTheSpecSchedulesAndOnMainClassesThatExist() throws Exception {
        String script =
                resource("ConfigMap", "memory-graph-bounded-jobs")
                        .path("data")
                        .path("run-bounded-job.sh")
                        .asText();
        Set<String> windows = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+([a-z0-9]+)\\)").matcher(script);
        while (m.find()) {
            windows.add(m.group(1));
        }
        assertThat(windows).contains("hour", "day", "30days", "week", "month", "none");
        for (JsonNode cronJob : resources("CronJob")) {
            String name = name(cronJob);
            JsonNode spec = cronJob.path("spec");
            assertThat(spec.path("timeZone").asText()).as(name).isEqualTo("Etc/UTC");
            assertThat(spec.path("concurrencyPolicy").asText()).as(name).isEqualTo("Forbid");
            if (SCHEDULES.containsKey(name)) {
                assertThat(spec.path("schedule").asText()).as(name).isEqualTo(SCHEDULES.get(name));
            }
            if (name.equals("memory-graph-rollups")) {
                assertThat(spec.path("schedule").asText()).matches("\\d+ \\* \\* \\* \\*");
            }
            JsonNode container = spec.at("/jobTemplate/spec/template/spec/containers/0");
            String main = container.path("args").get(0).asText();
            assertThat(windows).as(name).contains(container.path("args").get(1).asText());
            boolean exists = classExists(main);
            assertThat(spec.path("suspend").asBoolean())
                    .as(name + ": suspended exactly while " + main + " does not exist")
                    .isEqualTo(!exists);
        }
    }

    @Test
    void theImageHoldsWhatTheResourcesName() throws IOException {
        String dockerfile = Files.readString(K8S.resolve("Dockerfile"));
        assertThat(dockerfile).startsWith("#").contains("FROM flink:2.2.0-");
        String jar =
                resource("FlinkDeployment", "memory-graph-streaming")
                        .at("/spec/job/jarURI")
                        .asText()
                        .replace("local://", "");
        assertThat(dockerfile).contains(jar);
        String script =
                resource("ConfigMap", "memory-graph-bounded-jobs")
                        .path("data")
                        .path("run-bounded-job.sh")
                        .asText();
        Matcher m = Pattern.compile("/opt/flink/usrlib/[a-z-]+\\.jar").matcher(script);
        int jars = 0;
        while (m.find()) {
            jars++;
            assertThat(dockerfile).contains(m.group());
        }
        assertThat(jars).isGreaterThanOrEqualTo(2);
        assertThat(dockerfile).contains("/opt/flink/plugins/memory-graph-prometheus/");
    }

    // --- helpers

    static Path configYaml() {
        return ROOT.resolve("flink-conf/config.yaml");
    }

    static List<JsonNode> resources(String kind) {
        List<JsonNode> out = new ArrayList<>();
        manifests
                .values()
                .forEach(
                        docs ->
                                docs.stream()
                                        .filter(d -> d.path("kind").asText().equals(kind))
                                        .forEach(out::add));
        return out;
    }

    static JsonNode resource(String kind, String name) {
        return resources(kind).stream()
                .filter(r -> name(r).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    /** Nested YAML as Flink reads it: dotted keys, scalar values as text. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(
                            e ->
                                    flatten(
                                            prefix.isEmpty()
                                                    ? e.getKey()
                                                    : prefix + "." + e.getKey(),
                                            e.getValue(),
                                            out));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    /** Every {@code ConfigOption} in flink-core's and flink-runtime's {@code *Options} classes. */
    static Map<String, ConfigOption<?>> flinkOptions() throws Exception {
        Map<String, ConfigOption<?>> options = new HashMap<>();
        for (Class<?> anchor :
                List.of(
                        CoreOptions.class,
                        org.apache.flink.runtime.jobgraph.JobGraph.class,
                        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment
                                .class)) {
            var url = anchor.getResource("/" + anchor.getName().replace('.', '/') + ".class");
            JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
            for (var entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith("Options.class") && !name.contains("$")) {
                    String className = name.replace('/', '.').replace(".class", "");
                    collect(Class.forName(className, false, anchor.getClassLoader()), options);
                }
            }
        }
        return options;
    }

    static Set<String> jobOptionKeys() throws Exception {
        Map<String, ConfigOption<?>> options = new HashMap<>();
        for (String className :
                List.of(
                        "dev.memorygraph.streaming.StreamingJobOptions",
                        "dev.memorygraph.batch.reenrich.ReEnrichmentOptions",
                        "dev.memorygraph.batch.reconcile.ReconciliationOptions",
                        "dev.memorygraph.sinks.influxdb.InfluxDbOptions",
                        "dev.memorygraph.sinks.pinecone.PineconeOptions",
                        "dev.memorygraph.sinks.neo4j.Neo4jOptions",
                        "dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions",
                        "dev.memorygraph.operators.metadata.MetadataOptions",
                        "dev.memorygraph.operators.tenant.TenantOptions",
                        "dev.memorygraph.operators.graph.GraphOptions",
                        "dev.memorygraph.operators.text.TextOptions",
                        "dev.memorygraph.operators.dedup.DedupOptions",
                        "dev.memorygraph.operators.validate.ValidationOptions",
                        "dev.memorygraph.operators.pii.PiiOptions",
                        "dev.memorygraph.operators.embed.EmbeddingOptions",
                        "dev.memorygraph.operators.lake.EventLakeOptions",
                        "dev.memorygraph.operators.rollup.RollupOptions",
                        "dev.memorygraph.operators.ingest.KafkaOptions",
                        "dev.memorygraph.batch.retention.ArchivalOptions",
                        "dev.memorygraph.operators.erasure.ErasureOptions")) {
            collect(Class.forName(className), options);
        }
        return options.keySet();
    }

    private static void collect(Class<?> type, Map<String, ConfigOption<?>> into) {
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    into.put(option.key(), option);
                } catch (IllegalAccessException | RuntimeException | LinkageError e) {
                    // an option class that cannot initialise here has no key we use
                }
            }
        }
    }

    /** Deprecated key → the option that replaced it. */
    private static Map<String, String> deprecatedKeys(Iterable<ConfigOption<?>> options) {
        Map<String, String> out = new HashMap<>();
        for (ConfigOption<?> option : options) {
            for (FallbackKey key : option.fallbackKeys()) {
                if (key.isDeprecated()) {
                    out.put(key.getKey(), option.key());
                }
            }
        }
        return out;
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, ManifestsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
