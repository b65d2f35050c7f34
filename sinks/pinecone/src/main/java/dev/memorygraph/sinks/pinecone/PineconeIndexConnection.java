package dev.memorygraph.sinks.pinecone;

import dev.memorygraph.core.config.JobConfig;
import io.pinecone.clients.Pinecone;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.exceptions.PineconeAlreadyExistsException;
import io.pinecone.exceptions.PineconeException;
import io.pinecone.exceptions.PineconeNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.openapitools.db_control.client.model.IndexModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How to reach a Pinecone index: its name, its data-plane host (or the control plane to look it up
 * by name), the file holding the API key, and what index to create when it is missing.
 * Serializable, so it travels with the sink; the key stays in its file and is read where the
 * connection is opened.
 *
 * @param host the data-plane host; {@code null} to ask the control plane
 * @param createIfMissing create a serverless cosine index of {@code dimension} when there is none
 */
public record PineconeIndexConnection(
        String index,
        String host,
        String controlPlaneUrl,
        String apiKeyFile,
        Duration rpcTimeout,
        boolean createIfMissing,
        int dimension,
        String cloud,
        String region)
        implements Serializable {

    private static final Logger LOG = LoggerFactory.getLogger(PineconeIndexConnection.class);

    /** How long a created index may take to become ready. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    public PineconeIndexConnection {
        if (index == null || !index.matches("[a-z0-9][a-z0-9-]{0,44}")) {
            throw JobConfig.invalid(
                    PineconeOptions.INDEX.key(),
                    index,
                    "an index name is 1-45 lower-case letters, digits and '-'");
        }
        if (host != null) {
            checkUrl(PineconeOptions.HOST.key(), host);
        } else {
            checkUrl(PineconeOptions.CONTROL_PLANE_URL.key(), controlPlaneUrl);
        }
        if (apiKeyFile == null) {
            throw JobConfig.invalid(
                    PineconeOptions.API_KEY_FILE.key(), null, "name the file holding the API key");
        }
        JobConfig.readableFile(PineconeOptions.API_KEY_FILE.key(), apiKeyFile);
        if (rpcTimeout == null || rpcTimeout.isNegative() || rpcTimeout.isZero()) {
            throw JobConfig.invalid(
                    PineconeOptions.RPC_TIMEOUT.key(), String.valueOf(rpcTimeout), "must be > 0");
        }
        if (dimension < 1 || dimension > 20_000) {
            throw JobConfig.invalid(
                    PineconeOptions.DIMENSION.key(),
                    String.valueOf(dimension),
                    "Pinecone dense indexes take 1 to 20,000 dimensions");
        }
    }

    public static PineconeIndexConnection fromConfig(ReadableConfig config) {
        return new PineconeIndexConnection(
                config.get(PineconeOptions.INDEX),
                config.getOptional(PineconeOptions.HOST).map(String::strip).orElse(null),
                config.get(PineconeOptions.CONTROL_PLANE_URL).strip(),
                config.get(PineconeOptions.API_KEY_FILE),
                config.get(PineconeOptions.RPC_TIMEOUT),
                config.get(PineconeOptions.CREATE_INDEX),
                config.get(PineconeOptions.DIMENSION),
                config.get(PineconeOptions.CLOUD),
                config.get(PineconeOptions.REGION));
    }

    private static void checkUrl(String key, String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw JobConfig.invalid(key, url, "not a URI", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw JobConfig.invalid(key, url, "use https://host (or http://host:port, plaintext)");
        }
    }

    /**
     * Opens the gRPC connection of the client: the host as configured or as the control plane
     * describes the index (created first, when asked and missing), TLS unless the configured host
     * (or else the control plane) is {@code http://}.
     */
    public PineconeConnection open() throws IOException {
        String apiKey = Files.readString(Path.of(apiKeyFile), StandardCharsets.UTF_8).strip();
        PineconeConfig config = new PineconeConfig(apiKey, "memory-graph");
        if (host != null) {
            config.setHost(host);
            config.setTLSEnabled(!host.startsWith("http://"));
        } else {
            // the control plane names the host without a scheme; a local one is plaintext
            config.setHost(describeOrCreate(apiKey));
            config.setTLSEnabled(!controlPlaneUrl.startsWith("http://"));
        }
        return new PineconeConnection(config, index);
    }

    private String describeOrCreate(String apiKey) throws IOException {
        Pinecone control =
                new Pinecone.Builder(apiKey)
                        .withSourceTag("memory-graph")
                        .withHost(controlPlaneUrl)
                        .withTlsEnabled(controlPlaneUrl.startsWith("https://"))
                        .build();
        IndexModel model;
        try {
            model = control.describeIndex(index);
        } catch (PineconeNotFoundException e) {
            if (!createIfMissing) {
                throw new IOException(
                        "Pinecone has no index '"
                                + index
                                + "': create it, or set "
                                + PineconeOptions.CREATE_INDEX.key()
                                + ": true");
            }
            model = create(control);
        } catch (PineconeException e) {
            throw new IOException(
                    "The Pinecone control plane could not describe index '"
                            + index
                            + "' ("
                            + e.getClass().getSimpleName()
                            + ")",
                    e);
        }
        checkCompatible(model);
        return model.getHost();
    }

    private IndexModel create(Pinecone control) throws IOException {
        LOG.info(
                "Creating Pinecone index '{}' (serverless {}/{}, {} dimensions, cosine)",
                index,
                cloud,
                region,
                dimension);
        try {
            control.createServerlessIndex(
                    index,
                    "cosine",
                    dimension,
                    cloud,
                    region,
                    "disabled",
                    Map.of(
                            "created_by", "memory-graph",
                            "hnsw_m", String.valueOf(PineconeOptions.HNSW_M),
                            "hnsw_ef_construction",
                                    String.valueOf(PineconeOptions.HNSW_EF_CONSTRUCTION),
                            "hnsw_ef_search", String.valueOf(PineconeOptions.HNSW_EF_SEARCH)));
        } catch (PineconeAlreadyExistsException e) {
            LOG.info("Pinecone index '{}' was created concurrently", index);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            IndexModel model = control.describeIndex(index);
            if (model.getStatus() != null && Boolean.TRUE.equals(model.getStatus().getReady())) {
                return model;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(
                        "Pinecone index '" + index + "' not ready after " + READY_TIMEOUT);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted waiting for Pinecone index " + index, e);
            }
        }
    }

    private void checkCompatible(IndexModel model) throws IOException {
        if (model.getDimension() != null && model.getDimension() != dimension) {
            throw new IOException(
                    "Pinecone index '"
                            + index
                            + "' has dimension "
                            + model.getDimension()
                            + " but "
                            + PineconeOptions.DIMENSION.key()
                            + " is "
                            + dimension);
        }
        if (model.getMetric() != null && !"cosine".equals(model.getMetric())) {
            LOG.warn(
                    "Pinecone index '{}' uses metric {}, not cosine as the similarity job assumes",
                    index,
                    model.getMetric());
        }
    }

    /** Never prints the key (only where it is). */
    @Override
    public String toString() {
        return "PineconeIndexConnection{"
                + index
                + " at "
                + (host != null ? host : "(from " + controlPlaneUrl + ")")
                + "}";
    }
}
