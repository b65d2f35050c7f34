package dev.memorygraph.batch.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import dev.memorygraph.sinks.influxdb.InfluxDbConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The time series' side of archival: the per-event points of an archive's week ({@code
 * llm_prompts}, {@code llm_responses}) are deleted by time range, the week, since a point is keyed
 * by series and time, not by event id; the rollup measurement stays. That is exact because the week
 * is past {@code validation.max-event-age} long before it is past the retention: no event of it can
 * still arrive (the job refuses a retention shorter than that age).
 *
 * <p>Two dialects ({@code archival.influxdb.dialect}): {@code influxdb}, the InfluxDB v2 delete API
 * ({@code POST /api/v2/delete} with a {@code _measurement} predicate) and a Flux count; and {@code
 * questdb}, for the local stack's QuestDB, which takes the same line protocol but deletes by
 * dropping its day partitions ({@code ALTER TABLE … DROP PARTITION}).
 */
final class InfluxDbArchive implements HotStore {

    static final List<String> MEASUREMENTS = List.of("llm_prompts", "llm_responses");

    /** What names a user: the per-event points and the rollups' user rows. */
    static final List<String> USER_MEASUREMENTS =
            List.of("llm_prompts", "llm_responses", "llm_rollups");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InfluxDbConnection connection;
    private final boolean questDb;
    private final HttpClient http = HttpClient.newHttpClient();

    InfluxDbArchive(ReadableConfig config) {
        this.connection = InfluxDbConnection.fromConfig(config);
        this.questDb = "questdb".equals(config.get(ArchivalOptions.INFLUXDB_DIALECT));
    }

    @Override
    public String name() {
        return "influxdb";
    }

    @Override
    public long delete(Archive archive, ArchivedIds ids) throws Exception {
        long before = remaining(archive, ids);
        Instant from = Instant.parse(archive.from);
        Instant until = Instant.parse(archive.until);
        if (questDb) {
            for (String table : MEASUREMENTS) {
                if (exists(table)) {
                    sql(
                            "ALTER TABLE "
                                    + table
                                    + " DROP PARTITION WHERE timestamp >= '"
                                    + from
                                    + "' AND timestamp < '"
                                    + until
                                    + "'");
                    awaitApplied(table);
                }
            }
        } else {
            try (InfluxDBClient client = connection.createClient()) {
                for (String measurement : MEASUREMENTS) {
                    // the v2 delete API's stop is inclusive: one nanosecond before the next week
                    client.getDeleteApi()
                            .delete(
                                    OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                                    OffsetDateTime.ofInstant(until.minusNanos(1), ZoneOffset.UTC),
                                    "_measurement=\"" + measurement + "\"",
                                    connection.bucket(),
                                    connection.org());
                }
            }
        }
        return before;
    }

    @Override
    public long remaining(Archive archive, ArchivedIds ids) throws Exception {
        return points(Instant.parse(archive.from), Instant.parse(archive.until));
    }

    @Override
    public long olderThan(Instant cutoff) throws Exception {
        return points(Instant.EPOCH, cutoff);
    }

    /** The per-event points in {@code [from, until)}. */
    private long points(Instant from, Instant until) throws Exception {
        long left = 0;
        if (questDb) {
            for (String table : MEASUREMENTS) {
                if (exists(table)) {
                    JsonNode answer =
                            sql(
                                    "SELECT count() FROM "
                                            + table
                                            + " WHERE timestamp >= '"
                                            + from
                                            + "' AND timestamp < '"
                                            + until
                                            + "'");
                    left += answer.path("dataset").path(0).path(0).asLong();
                }
            }
            return left;
        }
        String flux =
                String.format(
                        "from(bucket: \"%s\") |> range(start: %s, stop: %s)"
                                + " |> filter(fn: (r) => r._measurement == \"llm_prompts\""
                                + " or r._measurement == \"llm_responses\")"
                                + " |> group() |> count()",
                        connection.bucket(), from, until);
        try (InfluxDBClient client = connection.createClient()) {
            for (FluxTable table : client.getQueryApi().query(flux, connection.org())) {
                for (FluxRecord record : table.getRecords()) {
                    left += ((Number) record.getValue()).longValue();
                }
            }
        }
        return left;
    }

    /**
     * The user's points: deleted by their {@code user_id} tag over all time on InfluxDB; on
     * QuestDB, which cannot delete rows, the tag is replaced by {@link UserErasure#anonymous()}.
     */
    @Override
    public long erase(UserErasure user) throws Exception {
        long before = remainingOf(user);
        if (questDb) {
            for (String table : USER_MEASUREMENTS) {
                if (exists(table)) {
                    sql(
                            "UPDATE "
                                    + table
                                    + " SET user_id = '"
                                    + user.anonymous()
                                    + "' WHERE "
                                    + userCondition(user));
                    awaitApplied(table);
                }
            }
            return before;
        }
        String predicate =
                "user_id=\""
                        + user.user().replace("\"", "\\\"")
                        + "\""
                        + (user.tenant() == null
                                ? ""
                                : " AND tenant_id=\"" + user.tenant().replace("\"", "\\\"") + "\"");
        try (InfluxDBClient client = connection.createClient()) {
            client.getDeleteApi()
                    .delete(
                            OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC),
                            OffsetDateTime.now(ZoneOffset.UTC).plusDays(1),
                            predicate,
                            connection.bucket(),
                            connection.org());
        }
        return before;
    }

    @Override
    public long remainingOf(UserErasure user) throws Exception {
        long left = 0;
        if (questDb) {
            for (String table : USER_MEASUREMENTS) {
                if (exists(table)) {
                    left +=
                            sql("SELECT count() FROM " + table + " WHERE " + userCondition(user))
                                    .path("dataset")
                                    .path(0)
                                    .path(0)
                                    .asLong();
                }
            }
            return left;
        }
        String flux =
                String.format(
                        "from(bucket: \"%s\") |> range(start: 0)"
                                + " |> filter(fn: (r) => r.user_id == \"%s\"%s)"
                                + " |> group() |> count()",
                        connection.bucket(),
                        user.user().replace("\"", "\\\""),
                        user.tenant() == null
                                ? ""
                                : " and r.tenant_id == \""
                                        + user.tenant().replace("\"", "\\\"")
                                        + "\"");
        try (InfluxDBClient client = connection.createClient()) {
            for (FluxTable table : client.getQueryApi().query(flux, connection.org())) {
                for (FluxRecord record : table.getRecords()) {
                    left += ((Number) record.getValue()).longValue();
                }
            }
        }
        return left;
    }

    private static String userCondition(UserErasure user) {
        return "user_id = '"
                + user.user().replace("'", "''")
                + "'"
                + (user.tenant() == null
                        ? ""
                        : " AND tenant_id = '" + user.tenant().replace("'", "''") + "'");
    }

    /**
     * Waits until QuestDB has applied a table's write-ahead log: its {@code DROP PARTITION} and
     * {@code UPDATE} run asynchronously on WAL tables, and the count after them must see them.
     */
    private void awaitApplied(String table) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode row =
                    sql("SELECT writerTxn, sequencerTxn FROM wal_tables() WHERE name = '"
                                    + table
                                    + "'")
                            .path("dataset")
                            .path(0);
            if (row.isMissingNode() || row.path(0).asLong() >= row.path(1).asLong()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("QuestDB did not apply the changes to " + table + " within 60 s");
    }

    private boolean exists(String table) throws IOException, InterruptedException {
        JsonNode answer = sql("SELECT count() FROM tables() WHERE table_name = '" + table + "'");
        return answer.path("dataset").path(0).path(0).asLong() > 0;
    }

    private JsonNode sql(String query) throws IOException, InterruptedException {
        URI exec =
                URI.create(
                        connection.url().strip().replaceAll("/+$", "")
                                + "/exec?query="
                                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(exec).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || answer.has("error")) {
            // QuestDB's message can quote the statement, and with it a user id: the position only
            throw new IOException(
                    "QuestDB refused a statement on its tables: HTTP "
                            + response.statusCode()
                            + " at position "
                            + answer.path("position").asInt(-1));
        }
        return answer;
    }
}
