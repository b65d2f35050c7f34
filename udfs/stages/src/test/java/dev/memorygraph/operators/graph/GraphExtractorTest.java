package dev.memorygraph.operators.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.core.hash.Sha256;
import dev.memorygraph.model.ContextDocument;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventOrigin;
import dev.memorygraph.model.FunctionCall;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.ModelParameters;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptContext;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.ResponseMetrics;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.model.ToolCall;
import dev.memorygraph.model.Usage;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.operators.text.TextEnricher;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.testing.TestEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphExtractorTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    final TextEnricher text = new TextEnricher(TextOptions.defaults());
    final GraphExtractor extractor = new GraphExtractor();

    @Test
    void promptBecomesItsNodesAndLinks() {
        InboundEvent event =
                InboundEvent.of(
                        new PromptEvent(
                                "p1",
                                T0,
                                new Prompt(
                                        "Summarise {{doc}} please",
                                        null,
                                        null,
                                        null,
                                        "{\"tenantId\":\"acme\",\"other\":1}"),
                                new SessionRef("s1", "u1", "app1", "chat"),
                                new ModelRef(
                                        "gpt-4o",
                                        "openai",
                                        "2024-08-06",
                                        new ModelParameters(
                                                0.2, null, null, 256, null, null, null)),
                                new PromptContext(
                                        null,
                                        List.of(
                                                new ContextDocument("d1", "alpha", 0.9),
                                                new ContextDocument(null, "beta", 0.4)),
                                        "hybrid"),
                                List.of("t1"),
                                null),
                        origin());

        List<GraphMutation> mutations = extractor.extract(enrich(event));

        assertThat(summary(mutations))
                .containsExactly(
                        "NODE Prompt p1",
                        "NODE User u1",
                        "NODE Session s1",
                        "RELATIONSHIP HAS_SESSION u1>s1",
                        "RELATIONSHIP CONTAINS s1>p1",
                        "NODE Application app1",
                        "RELATIONSHIP IN_APPLICATION s1>app1",
                        "NODE Tenant acme",
                        "RELATIONSHIP BELONGS_TO u1>acme",
                        "RELATIONSHIP BELONGS_TO app1>acme",
                        "NODE Model gpt-4o",
                        "RELATIONSHIP USES_MODEL p1>gpt-4o",
                        "NODE PromptText " + hash(mutations),
                        "RELATIONSHIP HAS_TEXT p1>" + hash(mutations),
                        "NODE Template " + mutations.get(0).properties().get("templateId"),
                        "RELATIONSHIP INSTANCE_OF p1>"
                                + mutations.get(0).properties().get("templateId"),
                        "NODE Document d1",
                        "RELATIONSHIP REFERENCES p1>d1",
                        "NODE Document sha256:" + sha256("beta"),
                        "RELATIONSHIP REFERENCES p1>sha256:" + sha256("beta"));
        Map<String, Object> prompt = mutations.get(0).properties();
        assertThat(prompt)
                .containsEntry("createdAt", T0)
                .containsEntry("userId", "u1")
                .containsEntry("sessionId", "s1")
                .containsEntry("tenant", "acme")
                .containsEntry("tags", List.of("t1"))
                .containsEntry("text", "Summarise {{doc}} please")
                .containsKeys("textHash", "tokenCount", "language");
        assertThat(mutations.get(11).properties())
                .containsEntry("version", "2024-08-06")
                .containsEntry("temperature", 0.2)
                .containsEntry("maxTokens", 256L);
        assertThat(mutations.get(17).properties())
                .containsEntry("relevance", 0.9)
                .containsEntry("position", 0L);
        assertThat(mutations).allSatisfy(m -> assertThat(m.sourceEventId()).isEqualTo("p1"));
    }

    @Test
    void responseLinksToItsPromptAndTools() {
        InboundEvent event =
                InboundEvent.of(
                        new ResponseEvent(
                                "r1",
                                T0,
                                "p1",
                                new ResponseBody(
                                        "calling tools",
                                        "tool_calls",
                                        new FunctionCall("legacy", "{}"),
                                        List.of(
                                                new ToolCall(
                                                        "c1",
                                                        "function",
                                                        new FunctionCall("search", "{}")),
                                                new ToolCall(
                                                        "c2",
                                                        "function",
                                                        new FunctionCall("search", "{}")))),
                                new Usage(10L, 5L, 15L),
                                new ResponseMetrics(1200L, 150L, 40.0, 0.0021),
                                null,
                                null,
                                null),
                        origin());

        List<GraphMutation> mutations = extractor.extract(enrich(event));

        assertThat(summary(mutations))
                .containsExactly(
                        "NODE Response r1",
                        "RELATIONSHIP GENERATED p1>r1",
                        "NODE Tool legacy",
                        "RELATIONSHIP CALLED r1>legacy",
                        "NODE Tool search",
                        "RELATIONSHIP CALLED r1>search");
        assertThat(mutations.get(0).properties())
                .containsEntry("finishReason", "tool_calls")
                .containsEntry("totalTokens", 15L)
                .containsEntry("latencyMs", 1200L)
                .containsEntry("ttftMs", 150L)
                .containsEntry("cost", 0.0021);
        assertThat(mutations.get(5).properties())
                .containsEntry("calls", 2L)
                .containsEntry("callIds", List.of("c1", "c2"));
    }

    @Test
    void sessionEventFillsSessionUserAndTenant() {
        List<GraphMutation> mutations =
                extractor.extract(enrich(TestEvents.session("e1", T0, "s1")));

        assertThat(summary(mutations))
                .contains("NODE Session s1", "RELATIONSHIP HAS_SESSION user-1>s1");
    }

    @Test
    void tenantComesOnlyFromATextualMetadataField() {
        assertThat(promptWithMetadata(null).tenantId()).isNull();
        assertThat(promptWithMetadata("{\"tenantId\":7}").tenantId()).isNull();
        assertThat(promptWithMetadata("{\"x\":{\"tenantId\":\"a\"}}").tenantId()).isNull();
        assertThat(promptWithMetadata("{\"tenantId\":\"t-9\"}").tenantId()).isEqualTo("t-9");
    }

    EnrichedEvent enrich(InboundEvent event) {
        return new EnrichedEvent(event, text.enrich(event));
    }

    static PromptEvent promptWithMetadata(String metadata) {
        return new PromptEvent(
                "p",
                T0,
                new Prompt("hi", null, null, null, metadata),
                new SessionRef("s", "u", null, null),
                null,
                null,
                null,
                null);
    }

    static EventOrigin origin() {
        return new EventOrigin("llm.prompts.v1", 0, 0L, 0L, null, null, T0);
    }

    static List<String> summary(List<GraphMutation> mutations) {
        return mutations.stream()
                .map(
                        m ->
                                m.kind() == GraphMutation.Kind.NODE
                                        ? "NODE " + m.label().cypherName() + " " + m.id()
                                        : m.kind()
                                                + " "
                                                + m.type().cypherName()
                                                + " "
                                                + m.fromId()
                                                + ">"
                                                + m.toId())
                .collect(Collectors.toList());
    }

    static String hash(List<GraphMutation> mutations) {
        return (String) mutations.get(0).properties().get("textHash");
    }

    static String sha256(String s) {
        return Sha256.hex(s);
    }
}
