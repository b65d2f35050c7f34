package dev.memorygraph.sinks.influxdb;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import dev.memorygraph.core.config.JobConfig;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How to reach InfluxDB: URL, organisation, bucket and token. Serializable, so it travels with the
 * sink; the token stays in its file and is read where the client is created.
 */
public record InfluxDbConnection(String url, String org, String bucket, String tokenFile)
        implements Serializable {

    public InfluxDbConnection {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw JobConfig.invalid(InfluxDbOptions.URL.key(), url, "not a URI", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw JobConfig.invalid(
                    InfluxDbOptions.URL.key(),
                    url,
                    "use http(s)://host:port, e.g. http://influxdb:8086");
        }
        if (org == null || org.isBlank()) {
            throw JobConfig.invalid(InfluxDbOptions.ORG.key(), org, "name an organisation");
        }
        if (bucket == null || bucket.isBlank()) {
            throw JobConfig.invalid(InfluxDbOptions.BUCKET.key(), bucket, "name a bucket");
        }
        JobConfig.readableFile(InfluxDbOptions.TOKEN_FILE.key(), tokenFile);
    }

    public static InfluxDbConnection fromConfig(ReadableConfig config) {
        return new InfluxDbConnection(
                JobConfig.required(config, InfluxDbOptions.URL, "the InfluxDB server to write to"),
                config.get(InfluxDbOptions.ORG),
                config.get(InfluxDbOptions.BUCKET),
                config.get(InfluxDbOptions.TOKEN_FILE));
    }

    /** No token, as local servers use. */
    public static InfluxDbConnection unauthenticated(String url, String bucket) {
        return new InfluxDbConnection(url, "memory-graph", bucket, null);
    }

    /** A client with gzip on and the token read now. */
    public InfluxDBClient createClient() throws IOException {
        InfluxDBClientOptions.Builder options =
                InfluxDBClientOptions.builder().url(url.strip()).org(org).bucket(bucket);
        if (tokenFile != null) {
            options.authenticateToken(
                    Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8)
                            .strip()
                            .toCharArray());
        }
        InfluxDBClient client = InfluxDBClientFactory.create(options.build());
        client.enableGzip();
        return client;
    }

    /** Never prints the token (only where it is). */
    @Override
    public String toString() {
        return "InfluxDbConnection{" + url + ", org " + org + ", bucket " + bucket + "}";
    }
}
