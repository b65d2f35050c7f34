package dev.memorygraph.sinks.elasticsearch;

import dev.memorygraph.core.config.JobConfig;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * How to reach Elasticsearch: nodes and credentials. Serializable, so it travels with the sink;
 * secrets stay in their files and are read where the client is created.
 */
public record ElasticsearchConnection(
        List<String> hosts, String username, String passwordFile, String apiKeyFile)
        implements Serializable {

    public ElasticsearchConnection {
        if (hosts == null || hosts.isEmpty()) {
            throw JobConfig.invalid(
                    ElasticsearchOptions.HOSTS.key(), hosts, "name at least one http(s):// node");
        }
        for (String host : hosts) {
            URI uri;
            try {
                uri = URI.create(host.strip());
            } catch (IllegalArgumentException e) {
                throw JobConfig.invalid(ElasticsearchOptions.HOSTS.key(), host, "not a URI", e);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getPort() < 1) {
                throw JobConfig.invalid(
                        ElasticsearchOptions.HOSTS.key(),
                        host,
                        "use http(s)://host:port, e.g. http://es-1:9200");
            }
        }
        hosts = List.copyOf(hosts);
        if (apiKeyFile != null && username != null) {
            throw JobConfig.invalid(
                    ElasticsearchOptions.API_KEY_FILE.key(),
                    apiKeyFile,
                    "use either an API key or " + ElasticsearchOptions.USERNAME.key());
        }
        if (username != null && passwordFile == null) {
            throw JobConfig.invalid(
                    ElasticsearchOptions.PASSWORD_FILE.key(),
                    null,
                    "required with " + ElasticsearchOptions.USERNAME.key());
        }
        JobConfig.readableFile(ElasticsearchOptions.PASSWORD_FILE.key(), passwordFile);
        JobConfig.readableFile(ElasticsearchOptions.API_KEY_FILE.key(), apiKeyFile);
    }

    public static ElasticsearchConnection fromConfig(ReadableConfig config) {
        return new ElasticsearchConnection(
                JobConfig.required(
                        config, ElasticsearchOptions.HOSTS, "the Elasticsearch nodes to write to"),
                config.get(ElasticsearchOptions.USERNAME),
                config.get(ElasticsearchOptions.PASSWORD_FILE),
                config.get(ElasticsearchOptions.API_KEY_FILE));
    }

    /** No credentials, as local nodes use. */
    public static ElasticsearchConnection unauthenticated(String host) {
        return new ElasticsearchConnection(List.of(host), null, null, null);
    }

    /** A low-level client for these nodes, with the credentials read now. */
    public RestClient createRestClient() throws IOException {
        HttpHost[] nodes =
                hosts.stream().map(h -> HttpHost.create(h.strip())).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(nodes);
        Header auth = authorization();
        if (auth != null) {
            builder.setDefaultHeaders(new Header[] {auth});
        }
        return builder.build();
    }

    private Header authorization() throws IOException {
        if (apiKeyFile != null) {
            return new BasicHeader("Authorization", "ApiKey " + read(apiKeyFile));
        }
        if (username != null) {
            String pair = username + ":" + read(passwordFile);
            return new BasicHeader(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return null;
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    }

    /** Never prints secrets (only where they are). */
    @Override
    public String toString() {
        return "ElasticsearchConnection{"
                + hosts
                + (username == null ? "" : ", user " + username)
                + "}";
    }
}
