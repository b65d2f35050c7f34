package dev.memorygraph.testing;

import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseError;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One UTC day of realistic LLM response traffic, joined to its prompts and priced, with planted
 * anomalies of four kinds labelled on every response they affect: evaluation data for an anomaly
 * detector.
 *
 * <p><b>Independence.</b> This generator was written by a separate author from a description of the
 * four anomaly kinds only, without seeing the detector's code, features or thresholds, while the
 * detector was being written. Figures measured on this traffic (recall, precision, false positives)
 * are therefore measured on data that was not written together with the detector; like any
 * synthetic data, though, it only holds the anomalies its author imagined.
 *
 * <p><b>Baseline traffic.</b> Deterministic for a seed: the tenants and users depend on the seed
 * only (the same population every day), the day's traffic and anomalies on the seed and the date.
 *
 * <ul>
 *   <li>Tenants and users: six tenants of 26%, 21%, 18%, 15%, 12% and 8% of the traffic, in
 *       different time zones, each with its own mix of the seven models, share of RAG prompts and
 *       typical prompt length. 200 users per tenant (1,200; a user belongs to one tenant), with a
 *       log-normal activity (σ 1.0), a preferred model (55% of their requests, the rest from the
 *       tenant's mix) and their own prompt-length scale (log-normal, σ 0.4). One {@code initech}
 *       service account runs a nightly batch (11% of its tenant's traffic, three hours at night,
 *       RAG prompts): a legitimate rate burst.
 *   <li>Time: each tenant follows its business day, about nine hours around its peak hour at about
 *       10× its night rate (on Saturdays and Sundays a third of that amplitude); times are drawn
 *       per minute from that profile, uniform to the millisecond within it.
 *   <li>Models, list prices per 1M tokens (input / output), base ttft, throughput, median
 *       completion, error rate: {@code gpt-4o} $2.50/$10, 420 ms, 85 tok/s, 320, 0.6%; {@code
 *       gpt-4o-mini} $0.15/$0.60, 330 ms, 120 tok/s, 260, 0.5%; {@code claude-3-5-sonnet} $3/$15,
 *       850 ms, 65 tok/s, 380, 0.8%; {@code claude-3-haiku} $0.25/$1.25, 380 ms, 140 tok/s, 220,
 *       0.6%; {@code llama-3.1-70b-instruct} $0.88/$0.88, 280 ms, 55 tok/s, 300, 1.2%; {@code
 *       mistral-large} $2/$6, 520 ms, 42 tok/s, 340, 0.9%; {@code gemini-1.5-pro} $1.25/$5, 1,100
 *       ms, 75 tok/s, 300, 1.0%. Median latencies thus range from about 2.2 s (haiku) to about 9.5
 *       s (mistral-large).
 *   <li>Prompt tokens: chat prompts log-normal (median the tenant's 400–900 × the user's scale, σ
 *       0.9), RAG prompts log-normal (median 5,500, σ 0.55, 1,200 to 30,000), and 1% document
 *       prompts (median 16,000, σ 0.4, 6,000 to 30,000); at most 30,000 tokens.
 *   <li>Completion tokens: log-normal around the model's median (σ 0.85, 0.8× for RAG), 1 to the
 *       client's 4,096 maximum (finish reason {@code length} there, {@code stop} otherwise): most
 *       between 50 and 1,500.
 *   <li>Latency: ttft = base ttft × log-normal (σ 0.35) + prefill of 0.03–0.10 ms per prompt token;
 *       latency = ttft + completion tokens / throughput × log-normal (σ 0.25) + network (40 ms ×
 *       log-normal σ 0.6); up to 15% slower at the day's busiest minute; 0.4% of responses hit a
 *       hiccup (latency and ttft × 1.5–3.5). Latency is near log-normal per model (driven by the
 *       completion length), with a long right tail.
 *   <li>Errors: the model's rate (about 0.7% overall), codes {@code rate_limited} 35%, {@code
 *       server_error} 20%, {@code overloaded} 15%, {@code content_filter} 12%, {@code
 *       invalid_request} 10%, {@code context_length_exceeded} 8%; 35% without latency, the others
 *       short (median 250 ms, or 700 ms for server errors and overloads); no ttft, no completion
 *       tokens; the prompt's tokens are still reported and priced.
 *   <li>Cost: input tokens × input price + output tokens × output price, as {@link Cost#usd()}; 3%
 *       of responses at random unpriced ({@code usd} {@code null}).
 * </ul>
 *
 * <p>Natural tails are heavy enough that a naive per-model 3-sigma rule flags about 2% of the
 * normal successful responses on latency, and as many on cost.
 *
 * <p>Every response is joined ({@link Metadata#JOINED}): its user, tenant, model, provider and
 * session (one per user and hour) come through its {@link PromptLink}; ids are {@code <date>-r<n>}
 * in event-time order, its prompt's {@code p-<id>}.
 *
 * <p><b>Planted anomalies</b>, each response labelled with at most one kind; about 2–3% of the
 * responses in total (2.1–2.5% at 333,000 responses for the seeds tried; the figures vary with the
 * seed, {@link #counts} gives the exact ones). Windows and counts are planned from the expected
 * traffic before it is drawn:
 *
 * <ol>
 *   <li>{@link #LATENCY_SPIKE}, about 0.4–1.0%: one of {@code gpt-4o-mini}, {@code gpt-4o} and
 *       {@code claude-3-haiku} (fast models, whose spiked latencies fall within the slow models'
 *       normal range) is degraded in one or two windows of 15–40 minutes within 07:00–21:00 UTC (a
 *       second window when one cannot hold the day's target of 0.6–1.0% of the responses): 60–95%
 *       of its successful responses in a window take 4–15× their latency (the window's factor 5–12
 *       × log-normal σ 0.2, clamped), ttft as much or up to 40% more.
 *   <li>{@link #RUNAWAY_COST}, about 0.35–0.5%: scattered successful responses (0.4–0.55% of those
 *       of the models that allow long outputs, all but {@code claude-3-haiku}) whose completion
 *       runs away to 8,000–32,768 tokens and at least 12× the model's typical cost, 80% of them up
 *       to the client's max tokens (8,192, 16,384 or 32,768, capped at the model's maximum output;
 *       finish reason {@code length}): about 10–55× the model's median cost, latency as long as
 *       generating those tokens takes (often minutes).
 *   <li>{@link #TOKEN_FLOOD}, about 0.7–1.0%: one or two users, each for 1–2 hours at any time of
 *       day, send 10–50× their normal rate of requests (the user is chosen for that; 14–39× in the
 *       days tried) to their preferred model, with prompts of 20,000–100,000 tokens (log-normal,
 *       median 36,000, σ 0.45: a third of them no longer than the longest legitimate RAG prompts)
 *       and ordinary completions; 5% of them fail with {@code rate_limited}. Only the extra
 *       requests are labelled; the user's ordinary requests in the window stay normal.
 *   <li>{@link #ERROR_BURST}, about 0.1–0.5%: one of {@code gpt-4o}, {@code gpt-4o-mini}, {@code
 *       claude-3-5-sonnet} and {@code gemini-1.5-pro} (never the spiked model) fails, in one window
 *       of 10–30 minutes within 07:00–21:00 UTC, 30–80% of its otherwise successful responses
 *       (aiming at 0.3–0.5% of the day's responses where the model's traffic allows) with {@code
 *       server_error} or {@code overloaded}: one by one like baseline errors (same codes and
 *       latencies), only their rate is abnormal. Baseline errors in the window stay normal.
 * </ol>
 */
public final class AnomalyTraffic {

    public static final String LATENCY_SPIKE = "latency_spike";
    public static final String RUNAWAY_COST = "runaway_cost";
    public static final String TOKEN_FLOOD = "token_flood";
    public static final String ERROR_BURST = "error_burst";

    /** The key of the responses without a planted anomaly in {@link #counts}. */
    public static final String NORMAL = "normal";

    /** The four kinds, in the order of the class description. */
    public static final List<String> KINDS =
            List.of(LATENCY_SPIKE, RUNAWAY_COST, TOKEN_FLOOD, ERROR_BURST);

    /**
     * A response and the planted anomaly it belongs to.
     *
     * @param kind one of {@link #KINDS}; {@code null} for a normal response
     */
    public record Labelled(EnrichedEvent event, String kind) {

        public boolean anomalous() {
            return kind != null;
        }
    }

    private AnomalyTraffic() {}

    /**
     * {@code responses} responses of one UTC day, with planted anomalies, sorted by event time; ids
     * {@code <date>-r<n>} in that order.
     */
    public static List<Labelled> day(LocalDate date, int responses, long seed) {
        if (responses < 0) {
            throw new IllegalArgumentException("responses < 0: " + responses);
        }
        return new Generator(date, responses, seed).run();
    }

    /** The number of responses of each kind and of {@link #NORMAL} ones, every key present. */
    public static Map<String, Long> counts(List<Labelled> day) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(NORMAL, 0L);
        for (String kind : KINDS) {
            counts.put(kind, 0L);
        }
        for (Labelled labelled : day) {
            counts.merge(labelled.kind() == null ? NORMAL : labelled.kind(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * A response joined to its prompt with the given usage and metrics, priced at {@code usd}
     * (unpriced when {@code null}); failed with {@code server_error} when {@code error}.
     */
    public static EnrichedEvent response(
            String id,
            Instant time,
            String tenant,
            String model,
            String user,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            Long latency,
            Long ttft,
            Double usd,
            boolean error) {
        String provider = null;
        for (Model m : MODELS) {
            if (m.id().equals(model)) {
                provider = m.provider();
            }
        }
        Instant promptTime = latency == null ? time : time.minusMillis(latency);
        Double throughput =
                error || latency == null || ttft == null || latency <= ttft
                        ? null
                        : completionTokens * 1000.0 / (latency - ttft);
        return TestEvents.joinedResponse(
                id,
                time,
                promptTime,
                tenant,
                model,
                provider,
                user,
                "s-" + user,
                promptTokens,
                completionTokens,
                totalTokens,
                latency,
                ttft,
                throughput,
                usd,
                error ? ERRORS[SERVER_ERROR] : null,
                error ? null : STOP,
                0,
                0L);
    }

    /**
     * A model's prices (USD per 1M tokens) and performance: base ttft (ms), prefill (ms per prompt
     * token), throughput (tokens/s), median completion (tokens), error rate, maximum output.
     */
    private record Model(
            String id,
            String provider,
            double inputPerMillion,
            double outputPerMillion,
            double ttftMs,
            double prefillMsPerToken,
            double tokensPerSecond,
            double completionMedian,
            double errorRate,
            int maxOutput) {}

    private static final Model[] MODELS = {
        new Model("gpt-4o", "openai", 2.50, 10.00, 420, 0.07, 85, 320, 0.006, 16_384),
        new Model("gpt-4o-mini", "openai", 0.15, 0.60, 330, 0.05, 120, 260, 0.005, 16_384),
        new Model("claude-3-5-sonnet", "anthropic", 3.00, 15.00, 850, 0.09, 65, 380, 0.008, 8_192),
        new Model("claude-3-haiku", "anthropic", 0.25, 1.25, 380, 0.04, 140, 220, 0.006, 4_096),
        new Model("llama-3.1-70b-instruct", "meta", 0.88, 0.88, 280, 0.10, 55, 300, 0.012, 32_768),
        new Model("mistral-large", "mistral", 2.00, 6.00, 520, 0.08, 42, 340, 0.009, 32_768),
        new Model("gemini-1.5-pro", "google", 1.25, 5.00, 1_100, 0.03, 75, 300, 0.010, 8_192),
    };

    private static final int GPT_4O = 0;
    private static final int GPT_4O_MINI = 1;
    private static final int CLAUDE_SONNET = 2;
    private static final int CLAUDE_HAIKU = 3;
    private static final int GEMINI_PRO = 6;

    /**
     * A tenant's share of the traffic, peak hour (UTC), share of RAG prompts, median chat prompt
     * (tokens) and model mix (weights in the order of {@link #MODELS}).
     */
    private record Tenant(
            String id,
            double weight,
            int peakHourUtc,
            double ragShare,
            double chatPromptMedian,
            double[] modelMix) {}

    private static final Tenant[] TENANTS = {
        new Tenant("acme", 0.26, 15, 0.25, 700, new double[] {30, 30, 15, 5, 5, 5, 10}),
        new Tenant("globex", 0.21, 11, 0.15, 500, new double[] {15, 20, 10, 5, 5, 40, 5}),
        new Tenant("initech", 0.18, 19, 0.35, 900, new double[] {10, 20, 35, 25, 5, 0, 5}),
        new Tenant("umbrella", 0.15, 10, 0.20, 400, new double[] {20, 40, 5, 5, 20, 5, 5}),
        new Tenant("hooli", 0.12, 17, 0.30, 600, new double[] {10, 15, 10, 5, 5, 5, 50}),
        new Tenant("stark", 0.08, 3, 0.10, 450, new double[] {25, 35, 20, 10, 5, 0, 5}),
    };

    private static final int BATCH_TENANT = 2;
    private static final int USERS_PER_TENANT = 200;
    private static final double PREFERRED_MODEL = 0.55;
    private static final double DOCUMENT_SHARE = 0.01;
    private static final int MAX_PROMPT = 30_000;
    private static final int CLIENT_MAX_TOKENS = 4_096;
    private static final double HICCUP_RATE = 0.004;
    private static final double UNPRICED_RATE = 0.03;

    private static final ResponseBody STOP = new ResponseBody(null, "stop", null, null);
    private static final ResponseBody LENGTH = new ResponseBody(null, "length", null, null);

    private static final ResponseError[] ERRORS = {
        new ResponseError("rate_limited", null, "rate_limit_error", true),
        new ResponseError("server_error", null, "api_error", true),
        new ResponseError("overloaded", null, "overloaded_error", true),
        new ResponseError("content_filter", null, "invalid_request_error", false),
        new ResponseError("invalid_request", null, "invalid_request_error", false),
        new ResponseError("context_length_exceeded", null, "invalid_request_error", false),
    };
    private static final int RATE_LIMITED = 0;
    private static final int SERVER_ERROR = 1;
    private static final int OVERLOADED = 2;
    private static final double[] ERROR_MIX = {0.35, 0.20, 0.15, 0.12, 0.10, 0.08};

    /** Kind codes of the per-response arrays; 0 is normal. */
    private static final String[] KIND_NAMES = {
        null, LATENCY_SPIKE, RUNAWAY_COST, TOKEN_FLOOD, ERROR_BURST
    };

    private static final byte K_SPIKE = 1;
    private static final byte K_RUNAWAY = 2;
    private static final byte K_FLOOD = 3;
    private static final byte K_BURST = 4;

    private static final int MINUTES = 24 * 60;
    private static final int MINUTE_MS = 60_000;

    /** The tenants' users, from the seed alone. */
    private static final class Population {

        final String[] ids;
        final int[] tenant;
        final int[] preferred;
        final double[] promptScale;
        final double[] rag;
        final double[] share;
        final double[] cdf;
        final int batchUser;
        final String[][] sessions;

        Population(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int users = TENANTS.length * USERS_PER_TENANT;
            ids = new String[users];
            tenant = new int[users];
            preferred = new int[users];
            promptScale = new double[users];
            rag = new double[users];
            share = new double[users];
            cdf = new double[users + 1];
            sessions = new String[users][];
            int[] numbers = new int[users];
            for (int u = 0; u < users; u++) {
                numbers[u] = u;
            }
            for (int u = users - 1; u > 0; u--) {
                int other = random.nextInt(u + 1);
                int swap = numbers[u];
                numbers[u] = numbers[other];
                numbers[other] = swap;
            }
            double[] activity = new double[users];
            for (int t = 0; t < TENANTS.length; t++) {
                double sum = 0;
                for (int j = 0; j < USERS_PER_TENANT; j++) {
                    int u = t * USERS_PER_TENANT + j;
                    ids[u] = String.format("user-%04d", numbers[u] + 1);
                    tenant[u] = t;
                    preferred[u] = weighted(TENANTS[t].modelMix(), random.nextDouble());
                    promptScale[u] = Math.exp(0.4 * random.nextGaussian());
                    rag[u] = Math.min(0.9, TENANTS[t].ragShare() * lognormal(random, 0.5));
                    activity[u] = lognormal(random, 1.0);
                    sum += activity[u];
                }
                if (t == BATCH_TENANT) {
                    int u = t * USERS_PER_TENANT;
                    sum -= activity[u];
                    activity[u] = sum * 0.11 / 0.89;
                    sum += activity[u];
                    preferred[u] = CLAUDE_HAIKU;
                    rag[u] = 1.0;
                }
                for (int j = 0; j < USERS_PER_TENANT; j++) {
                    int u = t * USERS_PER_TENANT + j;
                    share[u] = TENANTS[t].weight() * activity[u] / sum;
                }
            }
            batchUser = BATCH_TENANT * USERS_PER_TENANT;
            for (int u = 0; u < users; u++) {
                cdf[u + 1] = cdf[u] + share[u];
            }
        }

        String session(int user, int hour) {
            if (sessions[user] == null) {
                sessions[user] = new String[24];
            }
            String session = sessions[user][hour];
            if (session == null) {
                session = "s-" + ids[user].substring(5) + "-" + hour;
                sessions[user][hour] = session;
            }
            return session;
        }
    }

    /** A user's flood: {@code count} requests in [{@code startMs}, {@code endMs}) of the day. */
    private record Flood(int user, int startMs, int endMs, int count) {}

    /** A window of the day, in ms. */
    private record Window(int startMs, int endMs, double factor) {

        boolean contains(int ms) {
            return ms >= startMs && ms < endMs;
        }
    }

    /** One day's traffic, generated into primitive arrays first and built into events last. */
    private static final class Generator {

        private final LocalDate date;
        private final int n;
        private final long dayStart;
        private final SplittableRandom plan;
        private final SplittableRandom random;
        private final Population population;
        private final double[][] tenantCdf = new double[TENANTS.length][MINUTES + 1];
        private final double[] load = new double[MINUTES];
        private final int batchStartMs;

        private final int[] at;
        private final int[] user;
        private final byte[] model;
        private final int[] prompt;
        private final int[] completion;
        private final int[] latency;
        private final int[] ttft;
        private final byte[] error;
        private final boolean[] length;
        private final boolean[] unpriced;
        private final byte[] kind;

        Generator(LocalDate date, int n, long seed) {
            this.date = date;
            this.n = n;
            this.dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            this.population = new Population(seed);
            long daySeed =
                    new SplittableRandom(seed ^ (date.toEpochDay() * 0x9E3779B97F4A7C15L))
                            .nextLong();
            this.plan = new SplittableRandom(daySeed);
            this.random = plan.split();
            DayOfWeek day = date.getDayOfWeek();
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            double[] density = new double[MINUTES];
            for (int t = 0; t < TENANTS.length; t++) {
                for (int minute = 0; minute < MINUTES; minute++) {
                    double offset = minute / 60.0 - TENANTS[t].peakHourUtc();
                    offset = ((offset % 24) + 36) % 24 - 12;
                    double business = sigmoid(offset + 4.5) * sigmoid(4.5 - offset);
                    double weight = 0.10 + (weekend ? 0.3 : 0.9) * business;
                    tenantCdf[t][minute + 1] = tenantCdf[t][minute] + weight;
                }
                double total = tenantCdf[t][MINUTES];
                for (int minute = 0; minute < MINUTES; minute++) {
                    double w = tenantCdf[t][minute + 1] - tenantCdf[t][minute];
                    density[minute] += TENANTS[t].weight() * w / total;
                }
            }
            double max = Arrays.stream(density).max().orElse(1);
            for (int minute = 0; minute < MINUTES; minute++) {
                load[minute] = 1 + 0.15 * density[minute] / max;
            }
            batchStartMs = ((TENANTS[BATCH_TENANT].peakHourUtc() + 8) % 24) * 60 * MINUTE_MS;
            at = new int[n];
            user = new int[n];
            model = new byte[n];
            prompt = new int[n];
            completion = new int[n];
            latency = new int[n];
            ttft = new int[n];
            error = new byte[n];
            length = new boolean[n];
            unpriced = new boolean[n];
            kind = new byte[n];
        }

        List<Labelled> run() {
            // The plan first, from its own stream.
            List<Flood> floods = planFloods();
            int flooded = floods.stream().mapToInt(Flood::count).sum();
            int spikeModel =
                    pickOf(plan, new int[] {GPT_4O_MINI, CLAUDE_HAIKU, GPT_4O}, 45, 25, 30);
            int burstModel;
            do {
                burstModel =
                        pickOf(
                                plan,
                                new int[] {GPT_4O, GPT_4O_MINI, CLAUDE_SONNET, GEMINI_PRO},
                                35,
                                30,
                                20,
                                15);
            } while (burstModel == spikeModel);
            int base = n - flooded;
            // One or two windows; a second one when a single window cannot reach the target.
            List<Window> spikes = new ArrayList<>();
            int spikeWindows = plan.nextInt(2) + 1;
            double spikeAffected = uniform(plan, 0.60, 0.95);
            double spikeTarget = n * uniform(plan, 0.006, 0.010) / spikeAffected;
            double spiked = 0;
            while (spikes.size() < spikeWindows) {
                double factor = Math.exp(uniform(plan, Math.log(5), Math.log(12)));
                double target = (spikeTarget - spiked) / (spikeWindows - spikes.size());
                Window candidate = window(spikeModel, base, 15, 40, target, factor);
                boolean apart = true;
                for (Window other : spikes) {
                    apart &= Math.abs(candidate.startMs() - other.startMs()) > 90 * MINUTE_MS;
                }
                if (apart) {
                    spikes.add(candidate);
                    spiked += expected(spikeModel, candidate, base);
                    if (spikes.size() == 1 && spiked < 0.7 * spikeTarget) {
                        spikeWindows = 2;
                    }
                }
            }
            double burstShare = uniform(plan, 0.30, 0.80);
            double burstTarget = n * uniform(plan, 0.003, 0.005);
            Window burst = window(burstModel, base, 10, 30, burstTarget / burstShare, burstShare);
            burst =
                    new Window(
                            burst.startMs(),
                            burst.endMs(),
                            clamp(
                                    burstTarget / Math.max(1, expected(burstModel, burst, base)),
                                    0.30,
                                    0.80));
            double runawayRate = uniform(plan, 0.004, 0.0055);

            // The baseline, then the anomalies.
            for (int i = 0; i < base; i++) {
                baseline(i);
            }
            int i = base;
            for (Flood flood : floods) {
                for (int k = 0; k < flood.count(); k++) {
                    flood(i++, flood);
                }
            }
            for (int r = 0; r < base; r++) {
                if (model[r] == burstModel
                        && error[r] < 0
                        && burst.contains(at[r])
                        && random.nextDouble() < burst.factor()) {
                    fail(r, random.nextDouble() < 0.55 ? SERVER_ERROR : OVERLOADED);
                    kind[r] = K_BURST;
                }
            }
            for (int r = 0; r < base; r++) {
                if (model[r] != spikeModel || error[r] >= 0 || kind[r] != 0) {
                    continue;
                }
                for (Window spike : spikes) {
                    if (spike.contains(at[r]) && random.nextDouble() < spikeAffected) {
                        spike(r, spike.factor());
                    }
                }
            }
            for (int r = 0; r < base; r++) {
                if (kind[r] == 0
                        && error[r] < 0
                        && MODELS[model[r]].maxOutput() >= 8_192
                        && random.nextDouble() < runawayRate) {
                    runaway(r);
                }
            }
            return build();
        }

        /** One or two users flooding, about 0.6–1% of the day's responses together. */
        private List<Flood> planFloods() {
            int users = plan.nextInt(2) + 1;
            int total = (int) Math.round(n * uniform(plan, 0.007, 0.010));
            int[] targets = new int[users];
            if (users == 1) {
                targets[0] = total;
            } else {
                targets[0] = (int) Math.round(total * uniform(plan, 0.4, 0.6));
                targets[1] = total - targets[0];
            }
            int base = n - total;
            List<Flood> floods = new ArrayList<>();
            boolean[] taken = new boolean[population.ids.length];
            for (int target : targets) {
                int minutes = 60 + plan.nextInt(61);
                int start = plan.nextInt(MINUTES - minutes + 1);
                int chosen = -1;
                int qualifying = 0;
                double closest = Double.MAX_VALUE;
                int closestUser = 0;
                for (int u = 0; u < population.ids.length; u++) {
                    if (u == population.batchUser || taken[u]) {
                        continue;
                    }
                    double[] cdf = tenantCdf[population.tenant[u]];
                    double fraction = (cdf[start + minutes] - cdf[start]) / cdf[MINUTES];
                    double expected = base * population.share[u] * fraction;
                    if (expected * 10 <= target && target <= expected * 50) {
                        qualifying++;
                        if (plan.nextInt(qualifying) == 0) {
                            chosen = u;
                        }
                    }
                    double distance = Math.abs(Math.log(expected * 25 / Math.max(1, target)));
                    if (distance < closest) {
                        closest = distance;
                        closestUser = u;
                    }
                }
                if (chosen < 0) {
                    chosen = closestUser;
                }
                taken[chosen] = true;
                if (target > 0) {
                    floods.add(
                            new Flood(
                                    chosen,
                                    start * MINUTE_MS,
                                    (start + minutes) * MINUTE_MS,
                                    target));
                }
            }
            return floods;
        }

        /**
         * A window within 07:00–21:00, of {@code minMinutes} to {@code maxMinutes}, the length
         * whose expected number of successful responses of {@code model} is closest to {@code
         * target}.
         */
        private Window window(
                int model, int base, int minMinutes, int maxMinutes, double target, double factor) {
            int start = 7 * 60 + plan.nextInt(14 * 60 - maxMinutes + 1);
            Window best = null;
            double closest = Double.MAX_VALUE;
            for (int minutes = minMinutes; minutes <= maxMinutes; minutes++) {
                Window window =
                        new Window(start * MINUTE_MS, (start + minutes) * MINUTE_MS, factor);
                double distance = Math.abs(expected(model, window, base) - target);
                if (distance < closest) {
                    closest = distance;
                    best = window;
                }
            }
            return best;
        }

        /**
         * The expected number of successful baseline responses of {@code model} in {@code window}
         * (whole minutes), of {@code base} baseline responses.
         */
        private double expected(int model, Window window, int base) {
            int from = window.startMs() / MINUTE_MS;
            int to = window.endMs() / MINUTE_MS;
            double share = 0;
            for (int u = 0; u < population.ids.length; u++) {
                int t = population.tenant[u];
                double[] mix = TENANTS[t].modelMix();
                if (u == population.batchUser) {
                    int batchFrom = batchStartMs / MINUTE_MS;
                    int overlap =
                            Math.max(0, Math.min(to, batchFrom + 180) - Math.max(from, batchFrom));
                    share +=
                            population.preferred[u] == model
                                    ? population.share[u] * overlap / 180.0
                                    : 0;
                    continue;
                }
                double sum = 0;
                for (double weight : mix) {
                    sum += weight;
                }
                double chance =
                        (population.preferred[u] == model ? PREFERRED_MODEL : 0)
                                + (1 - PREFERRED_MODEL) * mix[model] / sum;
                double[] cdf = tenantCdf[t];
                share += population.share[u] * chance * (cdf[to] - cdf[from]) / cdf[MINUTES];
            }
            return base * share * (1 - MODELS[model].errorRate());
        }

        private void baseline(int i) {
            double[] users = population.cdf;
            int u = pick(users, random.nextDouble() * users[users.length - 1]);
            int t = population.tenant[u];
            boolean batch = u == population.batchUser;
            int ms =
                    batch
                            ? batchStartMs + random.nextInt(3 * 60 * MINUTE_MS)
                            : minute(t) * MINUTE_MS + random.nextInt(MINUTE_MS);
            int m =
                    batch || random.nextDouble() < PREFERRED_MODEL
                            ? population.preferred[u]
                            : weighted(TENANTS[t].modelMix(), random.nextDouble());
            double which = random.nextDouble();
            boolean rag = false;
            int tokens;
            if (which < DOCUMENT_SHARE) {
                tokens = count(16_000 * lognormal(random, 0.4), 6_000, MAX_PROMPT);
            } else if (which < DOCUMENT_SHARE + population.rag[u]) {
                rag = true;
                tokens = count(5_500 * lognormal(random, 0.55), 1_200, MAX_PROMPT);
            } else {
                double median = TENANTS[t].chatPromptMedian() * population.promptScale[u];
                tokens = count(median * lognormal(random, 0.9), 12, MAX_PROMPT);
            }
            double median = MODELS[m].completionMedian() * (rag ? 0.8 : 1.0);
            int out = count(median * lognormal(random, 0.85), 1, CLIENT_MAX_TOKENS);
            set(i, u, m, ms, tokens, out);
            length[i] = out == CLIENT_MAX_TOKENS;
            if (random.nextDouble() < MODELS[m].errorRate()) {
                fail(i, weighted(ERROR_MIX, random.nextDouble()));
            } else {
                succeed(i);
            }
        }

        private void flood(int i, Flood flood) {
            int u = flood.user();
            int ms = flood.startMs() + random.nextInt(flood.endMs() - flood.startMs());
            int tokens = count(36_000 * lognormal(random, 0.45), 20_000, 100_000);
            int out = count(220 * lognormal(random, 0.7), 1, CLIENT_MAX_TOKENS);
            set(i, u, population.preferred[u], ms, tokens, out);
            length[i] = out == CLIENT_MAX_TOKENS;
            if (random.nextDouble() < 0.05) {
                fail(i, RATE_LIMITED);
            } else {
                succeed(i);
            }
            kind[i] = K_FLOOD;
        }

        private void set(int i, int u, int m, int ms, int tokens, int out) {
            user[i] = u;
            model[i] = (byte) m;
            at[i] = ms;
            prompt[i] = tokens;
            completion[i] = out;
            error[i] = -1;
            unpriced[i] = random.nextDouble() < UNPRICED_RATE;
        }

        /** Ttft from the model and prompt, latency from it and the completion. */
        private void succeed(int i) {
            Model m = MODELS[model[i]];
            double slow = load[at[i] / MINUTE_MS];
            double first =
                    (m.ttftMs() * lognormal(random, 0.35)
                                    + prompt[i] * m.prefillMsPerToken() * lognormal(random, 0.2))
                            * slow;
            double total = first + generation(i, completion[i]) + 40 * lognormal(random, 0.6);
            if (random.nextDouble() < HICCUP_RATE) {
                double hiccup = uniform(random, 1.5, 3.5);
                first *= hiccup;
                total *= hiccup;
            }
            ttft[i] = (int) Math.max(1, Math.round(first));
            latency[i] = (int) Math.max(ttft[i] + 1, Math.round(total));
        }

        /** The ms response {@code i}'s model takes to generate {@code tokens} tokens. */
        private double generation(int i, int tokens) {
            Model m = MODELS[model[i]];
            double speed = m.tokensPerSecond() * lognormal(random, 0.25) / load[at[i] / MINUTE_MS];
            return tokens * 1000.0 / speed;
        }

        /** A failure with {@code code}: no ttft, no completion, no or a short latency. */
        private void fail(int i, int code) {
            error[i] = (byte) code;
            completion[i] = 0;
            length[i] = false;
            ttft[i] = -1;
            if (random.nextDouble() < 0.35) {
                latency[i] = -1;
            } else {
                double median = code == SERVER_ERROR || code == OVERLOADED ? 700 : 250;
                latency[i] = (int) Math.max(5, Math.round(median * lognormal(random, 0.6)));
            }
        }

        private void spike(int i, double windowFactor) {
            double factor = clamp(windowFactor * lognormal(random, 0.2), 4, 15);
            long slow = Math.round(latency[i] * factor);
            long first = Math.round(ttft[i] * factor * uniform(random, 1.0, 1.4));
            latency[i] = (int) Math.min(Integer.MAX_VALUE, slow);
            ttft[i] = (int) Math.min(first, Math.round(slow * 0.95));
            kind[i] = K_SPIKE;
        }

        /**
         * A completion that runs to at least 8,000 tokens and 12× the model's typical cost (a
         * 1,000-token prompt and a median completion), mostly up to the client's max tokens.
         */
        private void runaway(int i) {
            Model m = MODELS[model[i]];
            double typical =
                    1_000 * m.inputPerMillion() + m.completionMedian() * m.outputPerMillion();
            int least = (int) Math.max(8_000, Math.ceil(12 * typical / m.outputPerMillion()));
            int clientMax;
            do {
                clientMax = pickOf(random, new int[] {8_192, 16_384, 32_768}, 45, 40, 15);
            } while (Math.min(clientMax, m.maxOutput()) < least);
            int cap = Math.min(clientMax, m.maxOutput());
            boolean hitsCap = random.nextDouble() < 0.8;
            int tokens = hitsCap ? cap : least + random.nextInt(cap - least + 1);
            completion[i] = tokens;
            length[i] = tokens == cap;
            double total = ttft[i] + generation(i, tokens) + 40 * lognormal(random, 0.6);
            latency[i] = (int) Math.max(ttft[i] + 1, Math.round(total));
            kind[i] = K_RUNAWAY;
        }

        private int minute(int t) {
            double[] cdf = tenantCdf[t];
            return pick(cdf, random.nextDouble() * cdf[MINUTES]);
        }

        private List<Labelled> build() {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (long) at[i] * n + i;
            }
            Arrays.sort(keys);
            String prefix = date + "-r";
            List<Labelled> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int i = (int) (keys[k] % n);
                Model m = MODELS[model[i]];
                long millis = dayStart + at[i];
                Instant time = Instant.ofEpochMilli(millis);
                boolean failed = error[i] >= 0;
                Long slow = latency[i] < 0 ? null : (long) latency[i];
                Long first = ttft[i] < 0 ? null : (long) ttft[i];
                Instant promptTime = Instant.ofEpochMilli(millis - (slow == null ? 150 : slow));
                long in = prompt[i];
                long generated = completion[i];
                Double usd =
                        unpriced[i]
                                ? null
                                : (in * m.inputPerMillion() + generated * m.outputPerMillion())
                                        / 1e6;
                Double throughput =
                        failed || slow == null || first == null || slow <= first
                                ? null
                                : generated * 1000.0 / (slow - first);
                int u = user[i];
                EnrichedEvent event =
                        TestEvents.joinedResponse(
                                prefix + k,
                                time,
                                promptTime,
                                TENANTS[population.tenant[u]].id(),
                                m.id(),
                                m.provider(),
                                population.ids[u],
                                population.session(u, at[i] / (60 * MINUTE_MS)),
                                in,
                                generated,
                                in + generated,
                                slow,
                                first,
                                throughput,
                                usd,
                                failed ? ERRORS[error[i]] : null,
                                failed ? null : length[i] ? LENGTH : STOP,
                                u % 6,
                                k);
                out.add(new Labelled(event, KIND_NAMES[kind[i]]));
            }
            return out;
        }
    }

    /**
     * The index {@code i} with {@code cumulative[i] <= x < cumulative[i + 1]}, for {@code x} in
     * [{@code cumulative[0]}, the last element).
     */
    private static int pick(double[] cumulative, double x) {
        int low = 0;
        int high = cumulative.length - 2;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (cumulative[mid] <= x) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** An index drawn with the given weights, for {@code u} uniform in [0, 1). */
    private static int weighted(double[] weights, double u) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        double x = u * sum;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    private static int pickOf(SplittableRandom random, int[] values, double... weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        double x = random.nextDouble() * sum;
        for (int i = 0; i < values.length - 1; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static double lognormal(SplittableRandom random, double sigma) {
        return Math.exp(sigma * random.nextGaussian());
    }

    private static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** {@code value} rounded to a count in [{@code low}, {@code high}]. */
    private static int count(double value, int low, int high) {
        return (int) Math.max(low, Math.min(high, Math.round(value)));
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-1.6 * x));
    }
}
