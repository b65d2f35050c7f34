package dev.memorygraph.childjvm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server running in a child JVM of this one, for tests and local runs: started from a main class
 * on a classpath the server's module resolved when it was built (so the server's libraries never
 * meet the caller's), its output in a console file, ready when a probe says so, and stopped by
 * {@link #close()} or, through {@link #exitWhenParentGone()}, when this JVM ends in any way.
 */
public final class ChildJvm implements AutoCloseable {

    /** Whether a starting server answers yet; an exception counts as "not yet". */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws Exception;
    }

    private final String name;
    private final Process process;
    private final Path console;

    private ChildJvm(String name, Process process, Path console) {
        this.name = name;
        this.process = process;
        this.console = console;
    }

    /**
     * Starts {@code mainClass} with {@code jvmOptions} and {@code arguments} on {@code classpath},
     * writing its output to {@code console}, and waits up to {@code timeout} for {@code probe}. The
     * child is stopped again when it exits early or does not get ready in time.
     */
    public static ChildJvm start(
            String name,
            String mainClass,
            String classpath,
            List<String> jvmOptions,
            List<String> arguments,
            Path console,
            Duration timeout,
            Probe probe)
            throws IOException {
        return start(
                name,
                mainClass,
                classpath,
                jvmOptions,
                arguments,
                Map.of(),
                console,
                timeout,
                probe);
    }

    /**
     * {@link #start(String, String, String, List, List, Path, Duration, Probe)} with {@code
     * environment} added.
     */
    public static ChildJvm start(
            String name,
            String mainClass,
            String classpath,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment,
            Path console,
            Duration timeout,
            Probe probe)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        Files.createDirectories(console.toAbsolutePath().getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(console.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        ChildJvm child = new ChildJvm(name, process, console);
        try {
            child.awaitReady(timeout, probe);
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the child at once (SIGKILL), as a crashed machine or the OOM killer would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the child: SIGTERM, then SIGKILL after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout, Probe probe) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        name + " exited with code " + process.exitValue() + ":\n" + tail(console));
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + name, e);
            } catch (Exception e) {
                // not answering yet
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IOException(name + " did not answer within " + timeout + ":\n" + tail(console));
    }

    /** A probe that is ready when {@code uri} answers a GET with a 2xx status. */
    public static Probe httpOk(URI uri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        return () -> {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        };
    }

    /**
     * The child classpath: the jar or classes directory {@code anchor} was loaded from, then the
     * dependencies listed in the resource {@code resource} beside {@code anchor} (written at build
     * time by {@code maven-dependency-plugin:build-classpath}).
     */
    public static String classpath(Class<?> anchor, String resource) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(
                        resource
                                + " is missing; build the module of "
                                + anchor.getName()
                                + " first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path self;
            try {
                self = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            return self + File.pathSeparator + dependencies;
        }
    }

    /** A free loopback port. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Deletes {@code dir} and everything under it, as far as it can (temporary data). */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    /**
     * For a child's main: exits the JVM when the parent goes away. The parent holds the child's
     * standard input open for its whole life; end of input (the parent exited, even by {@code kill
     * -9}) ends the child, so a crashed test run never leaves a server behind.
     */
    public static void exitWhenParentGone() {
        Thread watchdog =
                new Thread(
                        () -> {
                            InputStream in = System.in;
                            byte[] buffer = new byte[64];
                            try {
                                while (in.read(buffer) >= 0) {
                                    // the parent never writes; read until end of input
                                }
                            } catch (IOException e) {
                                // a broken pipe means the same as end of input
                            }
                            System.exit(0);
                        },
                        "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }
}
