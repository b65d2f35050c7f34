package dev.memorygraph.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.model.ContextDocument;
import dev.memorygraph.model.ConversationMessage;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.FunctionCall;
import dev.memorygraph.model.ModelParameters;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptContext;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.ResponseMetrics;
import dev.memorygraph.model.SessionEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.model.ToolCall;
import dev.memorygraph.model.TraceContext;
import dev.memorygraph.model.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Produces realistic LLM traffic for the three topics: multi-turn sessions with a start and an end
 * event, a response after every prompt, several languages, templated prompts, some PII, and a
 * configurable share of duplicates and invalid records of every kind.
 *
 * <p>Deterministic for a given seed and clock. Not thread-safe.
 */
public final class TrafficGenerator {

    /** Topic names and traffic shape. */
    public record Config(
            String promptsTopic,
            String responsesTopic,
            String sessionsTopic,
            double duplicateRatio,
            double invalidRatio,
            int paddingBytes,
            long seed) {

        public static Config defaults(String prompts, String responses, String sessions) {
            return new Config(prompts, responses, sessions, 0.01, 0.01, 0, 42L);
        }

        /** Prompt and response texts padded with document sentences to about {@code bytes}. */
        public Config withPaddingBytes(int bytes) {
            return new Config(
                    promptsTopic,
                    responsesTopic,
                    sessionsTopic,
                    duplicateRatio,
                    invalidRatio,
                    bytes,
                    seed);
        }

        public Config withRatios(double duplicates, double invalid) {
            return new Config(
                    promptsTopic,
                    responsesTopic,
                    sessionsTopic,
                    duplicates,
                    invalid,
                    paddingBytes,
                    seed);
        }
    }

    private static final String[] MODELS = {
        "gpt-4o",
        "gpt-4o-mini",
        "gpt-4.1",
        "o3-mini",
        "gpt-4",
        "gpt-3.5-turbo",
        "claude-3-5-sonnet",
        "llama-3.1-70b-instruct",
        "mistral-large"
    };
    private static final String[] PROVIDERS = {
        "openai", "openai", "openai", "openai", "openai", "openai", "anthropic", "meta", "mistral"
    };
    private static final String[] APPLICATIONS = {"support-bot", "code-assistant", "docs-search"};
    private static final String[] TENANTS = {"acme", "globex", "initech"};
    private static final String[] PURPOSES = {"chat", "completion", "chat", "other"};
    private static final String[][] TEMPLATES = {
        {"Summarize the following text in {{style}} style: {{text}}", "style", "text"},
        {"Translate '{{sentence}}' into {{language}}.", "sentence", "language"},
        {"You are a {{role}}. Answer the customer question: {{question}}", "role", "question"},
    };
    private static final String[] STYLES = {"bullet-point", "executive", "casual"};
    private static final String[] LANGUAGES = {"German", "French", "Spanish"};
    private static final String[] ROLES = {"support agent", "billing specialist"};
    private static final String[] QUESTIONS_EN = {
        "How do I reset my password if I no longer have access to my email?",
        "Can you explain the difference between a process and a thread in operating systems?",
        "Write a Python function that checks whether a string is a palindrome.",
        "What are the main causes of inflation and how do central banks respond to it?",
        "Draft a polite email to a customer explaining that their order will be delayed.",
        "Why does my Kubernetes pod keep restarting with CrashLoopBackOff?",
        "Give me three ideas for a team offsite in the autumn.",
        "Explain how a hash map handles collisions.",
    };
    private static final String[] QUESTIONS_OTHER = {
        "Wie kann ich meine Rechnung für den letzten Monat herunterladen?",
        "Pouvez-vous m'expliquer comment fonctionne la photosynthèse chez les plantes ?",
        "¿Cuál es la mejor manera de aprender a programar en Java desde cero?",
        "Qual è la differenza tra un mutuo a tasso fisso e uno a tasso variabile?",
        "Como posso configurar a autenticação de dois fatores na minha conta?",
        "Hoe kan ik mijn abonnement opzeggen voordat de proefperiode afloopt?",
    };
    private static final String[] PII_PROMPTS = {
        "Please update the shipping address for Maria Schmidt, her email is"
                + " maria.schmidt@example.com and phone +49 30 1234567.",
        "My card 4111 1111 1111 1111 was charged twice, can you refund it? Contact me at"
                + " john.doe@example.org.",
        "Send the contract to Peter Novak at Initech, his number is (415) 555-0132.",
    };
    private static final String[] FOLLOW_UPS = {
        "Can you make it shorter?",
        "Thanks! Could you give an example?",
        "What would be the downside of that approach?",
        "Please explain that again in simpler words.",
    };
    private static final String[] DOC_SENTENCES = {
        "The quarterly report shows revenue growth across all regions, driven by subscriptions.",
        "Customers on the enterprise plan can configure single sign-on through the admin console.",
        "Latency in the checkout service increased after the last deployment of the cache layer.",
        "Our refund policy allows returns within thirty days of delivery for unused items.",
        "The onboarding guide describes how to create projects, invite members and set roles.",
    };
    private static final String[] ANSWERS = {
        "Sure. Here is a concise answer that addresses the main points of your question.",
        "There are several factors to consider; the most important one is the workload pattern.",
        "Here is a step-by-step explanation, followed by a short example you can adapt.",
    };

    private final Config config;
    private final Clock clock;
    private final Random random;
    private final InvalidRecords invalidRecords;
    private final List<TestRecord> invalidKinds;
    private final Deque<TestRecord> pending = new ArrayDeque<>();
    private final List<TestRecord> recentValid = new ArrayList<>();
    private final Map<String, ActiveSession> sessions = new HashMap<>();
    private final List<String> sessionOrder = new ArrayList<>();
    private int invalidCursor;
    private long sessionCounter;

    public TrafficGenerator(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.random = new Random(config.seed());
        this.invalidRecords =
                new InvalidRecords(
                        config.promptsTopic(),
                        config.responsesTopic(),
                        config.sessionsTopic(),
                        clock.instant());
        this.invalidKinds = invalidRecords.cheap();
    }

    /** The next {@code count} records. */
    public List<TestRecord> take(int count) {
        List<TestRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(next());
        }
        return records;
    }

    /** The next record to produce. */
    public TestRecord next() {
        double roll = random.nextDouble();
        if (roll < config.invalidRatio()) {
            return invalidKinds.get(invalidCursor++ % invalidKinds.size());
        }
        if (roll < config.invalidRatio() + config.duplicateRatio() && !recentValid.isEmpty()) {
            return recentValid.get(random.nextInt(recentValid.size())).asDuplicate();
        }
        if (pending.isEmpty()) {
            advanceSomeSession();
        }
        TestRecord record = pending.poll();
        if (recentValid.size() < 1_000) {
            recentValid.add(record);
        } else {
            recentValid.set(random.nextInt(recentValid.size()), record);
        }
        return record;
    }

    private void advanceSomeSession() {
        if (sessions.size() < 4 || random.nextInt(10) == 0) {
            startSession();
            return;
        }
        String sessionId = sessionOrder.get(random.nextInt(sessionOrder.size()));
        ActiveSession session = sessions.get(sessionId);
        if (session.turns >= session.plannedTurns) {
            endSession(session);
        } else {
            turn(session);
        }
    }

    private void startSession() {
        Instant now = clock.instant();
        int user = random.nextInt(50);
        ActiveSession s =
                new ActiveSession(
                        "session-" + config.seed() + "-" + (++sessionCounter),
                        "user-" + user,
                        TENANTS[user % TENANTS.length],
                        APPLICATIONS[random.nextInt(APPLICATIONS.length)],
                        PURPOSES[random.nextInt(PURPOSES.length)],
                        random.nextInt(MODELS.length),
                        2 + random.nextInt(5),
                        now);
        sessions.put(s.id, s);
        sessionOrder.add(s.id);
        pending.add(sessionRecord(s, "started", now, null));
        turn(s);
    }

    private void endSession(ActiveSession s) {
        sessions.remove(s.id);
        sessionOrder.remove(s.id);
        Instant now = clock.instant();
        pending.add(sessionRecord(s, "ended", now, now));
    }

    private void turn(ActiveSession s) {
        Instant now = clock.instant();
        String promptId = uuid();
        String text;
        String template = null;
        String parameters = null;
        int kind = random.nextInt(100);
        if (s.turns > 0 && kind < 35) {
            text = FOLLOW_UPS[random.nextInt(FOLLOW_UPS.length)];
        } else if (kind < 55) {
            String[] t = TEMPLATES[random.nextInt(TEMPLATES.length)];
            Map<String, String> values = templateValues(t);
            template = t[0];
            text = render(template, values);
            parameters = json(values);
        } else if (kind < 62) {
            text = PII_PROMPTS[random.nextInt(PII_PROMPTS.length)];
        } else if (kind < 75) {
            text = QUESTIONS_OTHER[random.nextInt(QUESTIONS_OTHER.length)];
        } else if (kind < 78) {
            // An unrendered template arrives as text: the text stage detects its placeholders.
            text = "Dear {{customer_name}}, your ticket {{ticket_id}} has been resolved.";
        } else {
            text = QUESTIONS_EN[random.nextInt(QUESTIONS_EN.length)];
        }
        List<ContextDocument> documents = null;
        if (config.paddingBytes() > 0) {
            StringBuilder padded = new StringBuilder(text);
            documents = new ArrayList<>();
            while (padded.length() < config.paddingBytes()) {
                String sentence = DOC_SENTENCES[random.nextInt(DOC_SENTENCES.length)];
                padded.append(' ').append(sentence);
            }
            text = padded.toString();
            documents.add(new ContextDocument("doc-" + random.nextInt(500), null, 0.82));
        }
        List<ConversationMessage> history = new ArrayList<>(s.history);
        int model = s.model;
        PromptEvent prompt =
                new PromptEvent(
                        promptId,
                        now,
                        new Prompt(text, template, parameters, null, null),
                        new SessionRef(s.id, s.userId, s.application, s.purpose),
                        new ModelRef(
                                MODELS[model],
                                PROVIDERS[model],
                                null,
                                new ModelParameters(0.7, 1.0, null, 1024, null, null, null)),
                        history.isEmpty() && documents == null
                                ? null
                                : new PromptContext(
                                        history.isEmpty() ? null : history,
                                        documents,
                                        documents == null ? "none" : "embedding"),
                        List.of(s.application),
                        new TraceContext(hex(32), hex(16), null));
        pending.add(TestRecord.valid(config.promptsTopic(), s.id, json(prompt), promptId));

        String answer = ANSWERS[random.nextInt(ANSWERS.length)];
        if (config.paddingBytes() > 0) {
            StringBuilder longer = new StringBuilder(answer);
            while (longer.length() < config.paddingBytes()) {
                longer.append(' ').append(DOC_SENTENCES[random.nextInt(DOC_SENTENCES.length)]);
            }
            answer = longer.toString();
        }
        boolean toolCall = s.application.equals("support-bot") && random.nextInt(5) == 0;
        long promptTokens = Math.max(1, text.length() / 4);
        long completionTokens = answer.length() / 4;
        String responseId = uuid();
        ResponseEvent response =
                new ResponseEvent(
                        responseId,
                        now.plusMillis(300 + random.nextInt(2_000)),
                        promptId,
                        new ResponseBody(
                                answer,
                                toolCall ? "function_call" : "stop",
                                null,
                                toolCall
                                        ? List.of(
                                                new ToolCall(
                                                        "call-" + hex(8),
                                                        "function",
                                                        new FunctionCall(
                                                                "lookup_order",
                                                                "{\"orderId\":\"A-"
                                                                        + random.nextInt(9999)
                                                                        + "\"}")))
                                        : null),
                        new Usage(promptTokens, completionTokens, promptTokens + completionTokens),
                        new ResponseMetrics(
                                (long) (300 + random.nextInt(2_000)),
                                (long) (80 + random.nextInt(300)),
                                40.0 + random.nextInt(60),
                                null),
                        null,
                        null,
                        new TraceContext(hex(32), hex(16), null));
        pending.add(TestRecord.valid(config.responsesTopic(), s.id, json(response), responseId));
        s.history.add(
                new ConversationMessage(
                        "user", text.length() > 200 ? text.substring(0, 200) : text));
        s.history.add(new ConversationMessage("assistant", answer));
        s.turns++;
    }

    private TestRecord sessionRecord(ActiveSession s, String status, Instant now, Instant endedAt) {
        String id = uuid();
        SessionEvent event =
                new SessionEvent(
                        id,
                        now,
                        s.id,
                        s.userId,
                        s.tenant,
                        s.application,
                        s.purpose,
                        status,
                        s.startedAt,
                        endedAt,
                        "{\"client\":\"web\"}");
        // Half the sessions in the upstream's nested shape, half flat; chosen by id so the
        // random sequence (and so the rest of the traffic) does not change.
        String value = Math.floorMod(s.id.hashCode(), 2) == 0 ? nested(json(event)) : json(event);
        return TestRecord.valid(config.sessionsTopic(), s.id, value, id);
    }

    /** A flat session event as the upstream sends it: {@code session: {id, userId, ...}}. */
    static String nested(String flatJson) {
        try {
            ObjectNode flat = (ObjectNode) EventJson.mapper().readTree(flatJson);
            ObjectNode session = flat.objectNode();
            session.set("id", flat.remove("sessionId"));
            for (String field : new String[] {"userId", "applicationId", "purpose"}) {
                JsonNode value = flat.remove(field);
                if (value != null) {
                    session.set(field, value);
                }
            }
            flat.set("session", session);
            return EventJson.mapper().writeValueAsString(flat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> templateValues(String[] template) {
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < template.length; i++) {
            String name = template[i];
            values.put(
                    name,
                    switch (name) {
                        case "style" -> STYLES[random.nextInt(STYLES.length)];
                        case "language" -> LANGUAGES[random.nextInt(LANGUAGES.length)];
                        case "role" -> ROLES[random.nextInt(ROLES.length)];
                        case "question" -> QUESTIONS_EN[random.nextInt(QUESTIONS_EN.length)];
                        case "sentence" -> ANSWERS[random.nextInt(ANSWERS.length)];
                        default -> DOC_SENTENCES[random.nextInt(DOC_SENTENCES.length)];
                    });
        }
        return values;
    }

    private static String render(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }

    private String uuid() {
        long version4 = (random.nextLong() & ~0xF000L) | 0x4000L;
        long ietfVariant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(version4, ietfVariant).toString();
    }

    private String hex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ActiveSession {
        final String id;
        final String userId;
        final String tenant;
        final String application;
        final String purpose;
        final int model;
        final int plannedTurns;
        final Instant startedAt;
        final List<ConversationMessage> history = new ArrayList<>();
        int turns;

        ActiveSession(
                String id,
                String userId,
                String tenant,
                String application,
                String purpose,
                int model,
                int plannedTurns,
                Instant startedAt) {
            this.id = id;
            this.userId = userId;
            this.tenant = tenant;
            this.application = application;
            this.purpose = purpose;
            this.model = model;
            this.plannedTurns = plannedTurns;
            this.startedAt = startedAt;
        }
    }
}
