package dev.memorygraph.flink.cluster;

import dev.memorygraph.childjvm.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * A Flink 2.2 standalone session cluster for tests: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}) in JVMs of
 * their own, as {@code bin/jobmanager.sh} and {@code bin/taskmanager.sh} start them, on the jars a
 * Flink distribution's {@code lib/} holds (resolved by this module; nothing of ours is on it), with
 * a configuration made from a given {@code config.yaml} plus the overrides a test needs (free
 * ports, directories under {@code home}), and plugins (the metric reporter) in {@code
 * home/plugins}. Stopped by PID, also when the test JVM ends.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "flink-lib.classpath";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /** What {@code bin/config.sh} passes to every Flink JVM on Java 17. */
    static final List<String> JAVA_17_OPTIONS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final Path home;
    private final String classpath;
    private final Configuration config;
    private final Map<String, String> environment;
    private final ChildJvm jobManager;
    private ChildJvm taskManager;

    private StandaloneFlinkCluster(
            Path home,
            String classpath,
            Configuration config,
            Map<String, String> environment,
            ChildJvm jobManager) {
        this.home = home;
        this.classpath = classpath;
        this.config = config;
        this.environment = environment;
        this.jobManager = jobManager;
    }

    /**
     * Starts a cluster under {@code home} from {@code configYaml} (e.g. {@code
     * flink-conf/config.yaml}) with {@code overrides} on top, {@code plugins} (name → jar or
     * classes directory) installed as {@code home/plugins/<name>/}, and {@code log4jProperties} as
     * the logging configuration; returns once the TaskManager has registered.
     */
    public static StandaloneFlinkCluster start(
            Path home,
            Path configYaml,
            Map<String, String> overrides,
            Map<String, Path> plugins,
            Path log4jProperties)
            throws IOException {
        Path dir = home.toAbsolutePath();
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf);
        Path log = Files.createDirectories(dir.resolve("log"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path upload = Files.createDirectories(dir.resolve("upload"));

        Path source = Files.createDirectories(dir.resolve("source-conf"));
        Files.copy(
                configYaml,
                source.resolve(GlobalConfiguration.FLINK_CONF_FILENAME),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Configuration config = GlobalConfiguration.loadConfiguration(source.toString());
        int restPort = ChildJvm.freePort();
        config.setString("rest.address", "localhost");
        config.setString("rest.bind-address", "localhost");
        config.setString("rest.port", String.valueOf(restPort));
        config.setString("jobmanager.rpc.address", "localhost");
        config.setString("jobmanager.rpc.port", String.valueOf(ChildJvm.freePort()));
        config.setString("jobmanager.bind-host", "localhost");
        config.setString("taskmanager.bind-host", "localhost");
        config.setString("taskmanager.host", "localhost");
        config.setString("io.tmp.dirs", tmp.toString());
        config.setString("web.upload.dir", upload.toString());
        config.setString(
                "execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
        config.setString(
                "execution.checkpointing.savepoint-dir",
                dir.resolve("savepoints").toUri().toString());
        overrides.forEach(config::setString);
        // the TaskManager's reporter on the configured port, the JobManager's on a port of its own
        int prometheusPort = ChildJvm.freePort();
        int jobManagerPrometheusPort = ChildJvm.freePort();
        config.setString("metrics.reporter.prom.port", String.valueOf(prometheusPort));
        Files.write(
                conf.resolve(GlobalConfiguration.FLINK_CONF_FILENAME),
                ConfigurationUtils.convertConfigToWritableLines(config, false),
                StandardCharsets.UTF_8);
        Files.copy(
                log4jProperties,
                conf.resolve("log4j.properties"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path pluginsDir = Files.createDirectories(dir.resolve("plugins"));
        for (Map.Entry<String, Path> plugin : plugins.entrySet()) {
            Path target = Files.createDirectories(pluginsDir.resolve(plugin.getKey()));
            install(plugin.getValue(), target.resolve(plugin.getKey() + ".jar"));
        }
        Map<String, String> environment =
                Map.of(
                        "FLINK_CONF_DIR", conf.toString(),
                        "FLINK_PLUGINS_DIR", pluginsDir.toString(),
                        "FLINK_LOG_DIR", log.toString());
        String classpath = libClasspath();
        URI rest = URI.create("http://localhost:" + restPort);
        List<String> jmOptions = new ArrayList<>(JAVA_17_OPTIONS);
        jmOptions.addAll(resourceParams(classpath, conf, "GET_JM_RESOURCE_PARAMS", log).get(0));
        jmOptions.addAll(logOptions(conf, log.resolve("jobmanager.log")));
        ChildJvm jobManager =
                ChildJvm.start(
                        "Flink JobManager",
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        classpath,
                        jmOptions,
                        List.of(
                                "--configDir",
                                conf.toString(),
                                "-D",
                                "metrics.reporter.prom.port=" + jobManagerPrometheusPort),
                        environment,
                        log.resolve("jobmanager.out"),
                        START_TIMEOUT,
                        ChildJvm.httpOk(rest.resolve("/overview")));
        StandaloneFlinkCluster cluster =
                new StandaloneFlinkCluster(dir, classpath, config, environment, jobManager);
        try {
            cluster.startTaskManager();
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * Starts the TaskManager, with the memory flags {@code BashJavaUtils} derives from the
     * configuration, as {@code bin/taskmanager.sh} does; returns once it has registered with the
     * JobManager.
     */
    public synchronized void startTaskManager() throws IOException {
        Path conf = home.resolve("conf");
        Path log = home.resolve("log");
        List<List<String>> params = resourceParams(classpath, conf, "GET_TM_RESOURCE_PARAMS", log);
        List<String> options = new ArrayList<>(JAVA_17_OPTIONS);
        options.addAll(params.get(0));
        options.addAll(logOptions(conf, log.resolve("taskmanager.log")));
        List<String> arguments = new ArrayList<>(List.of("--configDir", conf.toString()));
        arguments.addAll(params.get(1));
        java.util.Set<String> before;
        try {
            before = registeredTaskManagers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        taskManager =
                ChildJvm.start(
                        "Flink TaskManager",
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        classpath,
                        options,
                        arguments,
                        environment,
                        log.resolve("taskmanager.out"),
                        START_TIMEOUT,
                        // a new id: a killed TaskManager stays listed until its heartbeat times out
                        () -> !before.containsAll(registeredTaskManagers()));
    }

    /**
     * Kills the TaskManager process (SIGKILL, no shutdown hooks): its tasks fail and the job
     * restarts from its last checkpoint under the configured restart strategy once slots are back
     * ({@link #startTaskManager}).
     */
    public synchronized void killTaskManager() {
        if (taskManager != null) {
            taskManager.kill();
            taskManager = null;
        }
    }

    /** The REST endpoint (web UI, {@code /jars}, {@code /jobs}). */
    public URI restUri() {
        return URI.create("http://localhost:" + config.getString("rest.port", "8081"));
    }

    /** The TaskManager's Prometheus endpoint ({@code /metrics}). */
    public URI prometheusUri() {
        return URI.create(
                "http://localhost:" + config.getString("metrics.reporter.prom.port", "9249"));
    }

    public Path home() {
        return home;
    }

    /** Ids of the TaskManagers the JobManager lists as registered (not yet timed out). */
    java.util.Set<String> registeredTaskManagers() throws IOException, InterruptedException {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(restUri().resolve("/taskmanagers"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"")
                        .matcher(response.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Override
    public synchronized void close() {
        if (taskManager != null) {
            taskManager.close();
        }
        jobManager.close();
    }

    // --- what bin/*.sh do

    private static List<String> logOptions(Path conf, Path file) {
        return List.of(
                "-Dlog.file=" + file,
                "-Dlog4j.configuration=file:" + conf.resolve("log4j.properties"),
                "-Dlog4j.configurationFile=file:" + conf.resolve("log4j.properties"));
    }

    /**
     * The JVM options (first) and dynamic properties (second) {@code BashJavaUtils} computes for a
     * JobManager or TaskManager from the configuration in {@code conf}.
     */
    static List<List<String>> resourceParams(String classpath, Path conf, String command, Path log)
            throws IOException {
        List<String> line =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dlog.file=" + log.resolve("bash-java-utils.log"),
                        "-cp",
                        classpath,
                        "org.apache.flink.runtime.util.bash.BashJavaUtils",
                        command,
                        "--configDir",
                        conf.toString());
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(command + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<String> results = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:")) {
                results.add(l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).trim());
            }
        }
        if (results.isEmpty()) {
            throw new IOException(command + " gave no result:\n" + out);
        }
        List<String> jvm = split(results.get(0));
        List<String> dynamic = results.size() > 1 ? split(results.get(1)) : List.of();
        return List.of(jvm, dynamic);
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (String part : line.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    /** The Flink lib classpath this module resolved: Flink's jars and log4j, nothing of ours. */
    static String libClasspath() throws IOException {
        try (InputStream in =
                StandaloneFlinkCluster.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IOException(CLASSPATH_RESOURCE + " is missing; build flink-conf/cluster");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** Copies a jar, or packs a classes directory into one (a plugin directory holds jars). */
    private static void install(Path from, Path jar) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.copy(from, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(from.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
