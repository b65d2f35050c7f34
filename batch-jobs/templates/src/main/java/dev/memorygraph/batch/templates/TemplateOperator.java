package dev.memorygraph.batch.templates;

import dev.memorygraph.core.hash.Sha256;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import dev.memorygraph.model.graph.RelationshipType;
import dev.memorygraph.operators.pii.PatternDetector;
import dev.memorygraph.operators.pii.PiiFinding;
import dev.memorygraph.operators.text.TextNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day's prompts to templates, in one subtask (DBSCAN is not distributed): every prompt is
 * buffered; when the input ends, they are clustered and mined in the order of their text hash and
 * id, up to {@link TemplateExtraction#MAX_COPIES} copies of one text ({@link
 * TemplateExtraction#forPrompts}), and the graph writes come out:
 *
 * <ul>
 *   <li>a {@code Template} node per template, its id the SHA-256 of the normalised template string
 *       (as the streaming job names given templates, so a rerun and a given template converge); a
 *       mined template with the shape of a template given on the day's events is that template;
 *   <li>{@code (Prompt)-[:INSTANCE_OF {source: 'mined', parameters, computedAt}]->(Template)} for
 *       every prompt of the day with a template, but not for a prompt whose event gave a template;
 *       {@code parameters} is the values as JSON, with any PII pattern masked, and left out when
 *       the prompt's PII was left in clear (policy {@code flag}).
 * </ul>
 */
final class TemplateOperator extends AbstractStreamOperator<GraphMutation>
        implements OneInputStreamOperator<PromptRow, GraphMutation>, BoundedOneInput {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TemplateOperator.class);

    static final String ACC_PROMPTS = "templates.prompts";
    static final String ACC_TEXTS = "templates.texts";
    static final String ACC_CLUSTERS = "templates.clusters";
    static final String ACC_TEMPLATES = "templates.templates";
    static final String ACC_INSTANCES = "templates.instances";
    static final String ACC_MERGED = "templates.merged-with-given";

    private final TemplateExtraction.Options options;
    private final Instant computedAt;
    private final String phoneRegion;

    private transient List<PromptRow> rows;

    TemplateOperator(TemplateExtraction.Options options, Instant computedAt, String phoneRegion) {
        this.options = options;
        this.computedAt = computedAt;
        this.phoneRegion = phoneRegion;
    }

    @Override
    public void open() throws Exception {
        super.open();
        rows = new ArrayList<>();
    }

    @Override
    public void processElement(StreamRecord<PromptRow> element) {
        rows.add(element.getValue());
    }

    @Override
    public void endInput() {
        rows.sort(Comparator.comparing((PromptRow r) -> r.textHash).thenComparing(r -> r.id));
        Map<String, String> givenByShape = new HashMap<>();
        List<String> strings = new ArrayList<>(rows.size());
        float[][] vectors = new float[rows.size()][];
        long texts = 0;
        for (int i = 0; i < rows.size(); i++) {
            PromptRow row = rows.get(i);
            if (i == 0 || !rows.get(i - 1).textHash.equals(row.textHash)) {
                texts++;
            }
            if (row.givenTemplateId != null && row.givenTemplate != null) {
                givenByShape.putIfAbsent(
                        TemplateMiner.shape(row.givenTemplate), row.givenTemplateId);
            }
            strings.add(row.text);
            vectors[i] = row.vector;
        }
        long start = System.nanoTime();
        TemplateExtraction.Result result = TemplateExtraction.forPrompts(strings, vectors, options);
        PatternDetector patterns = new PatternDetector(phoneRegion);
        Map<String, String> written = new LinkedHashMap<>();
        long instances = 0;
        long merged = 0;
        for (int i = 0; i < rows.size(); i++) {
            PromptRow row = rows.get(i);
            String template = result.templates()[i];
            if (template == null || row.givenTemplateId != null) {
                continue;
            }
            String given = givenByShape.get(TemplateMiner.shape(template));
            String templateId =
                    given != null ? given : Sha256.hex(TextNormalizer.normalize(template));
            if (!written.containsKey(templateId)) {
                written.put(templateId, template);
                if (given == null) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("template", TextNormalizer.normalize(template));
                    props.put("source", "mined");
                    props.put("variables", result.variables()[i]);
                    output.collect(
                            new StreamRecord<>(
                                    GraphMutation.node(
                                            NodeLabel.TEMPLATE, templateId, props, row.id)));
                } else {
                    merged++;
                }
            }
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("source", "mined");
            edge.put("computedAt", computedAt);
            edge.put("parameterCount", (long) result.values().get(i).size());
            if (!row.clearPii) {
                edge.put("parameters", parameters(result.values().get(i), patterns));
            }
            output.collect(
                    new StreamRecord<>(
                            GraphMutation.relationship(
                                    RelationshipType.INSTANCE_OF,
                                    row.id,
                                    templateId,
                                    edge,
                                    row.id)));
            instances++;
        }
        counter(ACC_PROMPTS).add(rows.size());
        counter(ACC_TEXTS).add(texts);
        counter(ACC_CLUSTERS).add(result.clusters());
        counter(ACC_TEMPLATES).add(written.size());
        counter(ACC_INSTANCES).add(instances);
        counter(ACC_MERGED).add(merged);
        LOG.info(
                "Templates: {} prompts, {} texts, {} clusters, {} templates ({} given ones), {}"
                        + " instances, in {} ms",
                rows.size(),
                texts,
                result.clusters(),
                written.size(),
                merged,
                instances,
                (System.nanoTime() - start) / 1_000_000);
        rows = null;
    }

    private LongCounter counter(String name) {
        return getRuntimeContext().getLongCounter(name);
    }

    /** The values as a JSON object, each PII pattern found in them replaced by its type. */
    static String parameters(Map<String, String> values, PatternDetector patterns) {
        com.fasterxml.jackson.databind.node.ObjectNode json =
                dev.memorygraph.model.EventJson.mapper().createObjectNode();
        values.forEach((name, value) -> json.put(name, masked(value, patterns)));
        return json.toString();
    }

    static String masked(String value, PatternDetector patterns) {
        List<PiiFinding> found = new ArrayList<>(patterns.detect(value));
        if (found.isEmpty()) {
            return value;
        }
        found.sort(Comparator.comparingInt(PiiFinding::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (PiiFinding f : found) {
            if (f.start() < at) {
                continue;
            }
            out.append(value, at, f.start()).append('[').append(f.type().name()).append(']');
            at = f.end();
        }
        return out.append(value.substring(at)).toString();
    }
}
