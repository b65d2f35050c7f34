package dev.memorygraph.batch.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One anomalous response, as an alert on {@code llm.alerts.v1} and as properties of its {@code
 * Response} node. A Flink POJO.
 *
 * <p><b>Alert schema</b> (JSON, UTF-8; key = {@code alert_id}):
 *
 * <pre>
 * {"alert_id": "…",            sha-256 of the response id and the day: the same on every rerun
 *  "kind": "response_anomaly",
 *  "entity": {"type": "response", "response_id": "…", "prompt_id": "…"},
 *  "tenant_id": "…", "model_id": "…", "user_id": "…",
 *  "event_time": "2026-12-01T13:05:00Z",
 *  "score": 0.71, "threshold": 0.7,  the forest's score and threshold
 *  "threshold_z": 3.5,               or a reason's excess at least this
 *  "reasons": ["latency_spell"],     features at least 3 out, largest first (Features)
 *  "model_version": "2026-12-01/gpt-4o/…",
 *  "window": {"from": "2026-12-01T00:00:00Z", "until": "2026-12-02T00:00:00Z"}}
 * </pre>
 *
 * No text and no wall-clock time, so a rerun writes the same bytes under the same key: on a
 * compacted topic ({@code k8s/kafka-topics.sh}) one alert per response remains, and a consumer can
 * drop a key it has seen.
 */
public final class AnomalyAlert {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String alertId;
    public String responseId;
    public String promptId;
    public String tenantId;
    public String modelId;
    public String userId;
    public long eventTime;
    public double score;
    public double threshold;
    public double thresholdZ;

    /** An array, not a list: Flink types it without Kryo. */
    public String[] reasons = new String[0];

    public String modelVersion;
    public String day;

    public AnomalyAlert() {}

    static AnomalyAlert of(AnomalyDetector.Flag flag, AnomalyModel model, LocalDate day) {
        AnomalyAlert a = new AnomalyAlert();
        ResponseRow row = flag.row();
        a.alertId = id(row.eventId, day);
        a.responseId = row.eventId;
        a.promptId = row.promptEventId;
        a.tenantId = row.tenantId;
        a.modelId = row.modelId;
        a.userId = row.userId;
        a.eventTime = row.time;
        a.score = flag.score();
        a.threshold = model.threshold();
        a.thresholdZ = model.thresholdZ;
        a.reasons = flag.reasons().toArray(String[]::new);
        a.modelVersion = flag.modelVersion();
        a.day = day.toString();
        return a;
    }

    /** The alert's id: the same response on the same day always gets the same one. */
    static String id(String responseId, LocalDate day) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(
                            sha.digest((responseId + "|" + day).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The alert's JSON value. */
    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("alert_id", alertId);
        node.put("kind", "response_anomaly");
        ObjectNode entity = node.putObject("entity");
        entity.put("type", "response").put("response_id", responseId);
        if (promptId != null) {
            entity.put("prompt_id", promptId);
        }
        putIfPresent(node, "tenant_id", tenantId);
        putIfPresent(node, "model_id", modelId);
        putIfPresent(node, "user_id", userId);
        node.put("event_time", Instant.ofEpochMilli(eventTime).toString());
        node.put("score", score);
        node.put("threshold", threshold);
        node.put("threshold_z", thresholdZ);
        var list = node.putArray("reasons");
        for (String reason : reasons) {
            list.add(reason);
        }
        node.put("model_version", modelVersion);
        LocalDate d = LocalDate.parse(day);
        node.putObject("window")
                .put("from", d.atStartOfDay(ZoneOffset.UTC).toInstant().toString())
                .put("until", d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The properties the graph gets on the response's node. */
    public GraphMutation toMutation() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("anomalyScore", score);
        properties.put("anomalyReasons", List.of(reasons));
        properties.put("anomalyModelVersion", modelVersion);
        return GraphMutation.node(NodeLabel.RESPONSE, responseId, properties, responseId);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Ids only. */
    @Override
    public String toString() {
        return "AnomalyAlert{" + alertId + " response " + responseId + "}";
    }
}
