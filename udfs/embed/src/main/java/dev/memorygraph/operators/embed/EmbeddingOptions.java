package dev.memorygraph.operators.embed;

import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.core.retry.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The {@code embedding.*} options of the embedding stage, and the checked settings they make.
 *
 * @param embedder makes each subtask's {@link Embedder}
 * @param model the model name recorded with each vector
 * @param dimension the vectors' length (Pinecone's index dimension follows it)
 * @param responses whether responses are embedded too (prompts always are)
 * @param maxChars texts are cut to this many characters before they are embedded
 * @param cacheTtl how long a text's vector stays in the cache (Flink state, keyed by text)
 * @param maxInFlight texts being embedded at once per subtask
 */
public record EmbeddingOptions(
        Embedder.Factory embedder,
        String model,
        int dimension,
        boolean responses,
        int maxChars,
        Duration cacheTtl,
        int maxInFlight)
        implements Serializable {

    /** Where vectors come from. */
    public enum Provider {
        /** In process, the model inside the job jar (default). */
        LOCAL,
        /** {@code POST /v1/embeddings} of an OpenAI-compatible server. */
        OPENAI,
        /** {@code POST /v1/embed} of Cohere. */
        COHERE
    }

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOptions.key("embedding.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Whether prompts are embedded (stage 5).");

    public static final ConfigOption<Provider> PROVIDER =
            ConfigOptions.key("embedding.provider")
                    .enumType(Provider.class)
                    .defaultValue(Provider.LOCAL)
                    .withDescription(
                            "LOCAL: all-MiniLM-L6-v2 (int8) in process, 384 dimensions; OPENAI or"
                                    + " COHERE: an HTTP provider at embedding.url.");

    public static final ConfigOption<String> URL =
            ConfigOptions.key("embedding.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL of the HTTP provider, e.g. https://api.openai.com or"
                                    + " https://api.cohere.com.");

    public static final ConfigOption<String> MODEL =
            ConfigOptions.key("embedding.model")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Model of the HTTP provider, e.g. text-embedding-3-small or"
                                    + " embed-english-v3.0.");

    public static final ConfigOption<String> API_KEY_FILE =
            ConfigOptions.key("embedding.api-key-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the HTTP provider's API key.");

    public static final ConfigOption<Integer> DIMENSION =
            ConfigOptions.key("embedding.dimension")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "Vector length. LOCAL: 384 only. OPENAI: the model's length,"
                                    + " or shorter for text-embedding-3-* models, which are"
                                    + " trained to be cut and get it as 'dimensions'; required. COHERE: the model's length"
                                    + " (1024 for embed-*-v3.0); required.");

    public static final ConfigOption<Boolean> RESPONSES =
            ConfigOptions.key("embedding.responses")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription("Whether responses are embedded as well as prompts.");

    public static final ConfigOption<Integer> MAX_CHARS =
            ConfigOptions.key("embedding.max-chars")
                    .intType()
                    .defaultValue(2_000)
                    .withDescription(
                            "Texts are cut to this many characters before embedding (the"
                                    + " default model reads ~256 word pieces; more only costs).");

    public static final ConfigOption<Duration> CACHE_TTL =
            ConfigOptions.key("embedding.cache.ttl")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "How long a text's vector is kept (Flink state keyed by model and"
                                    + " text): identical text is embedded once in that time.");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT =
            ConfigOptions.key("embedding.max-in-flight")
                    .intType()
                    .defaultValue(32)
                    .withDescription("Texts being embedded at once per subtask.");

    public static final ConfigOption<Duration> TIMEOUT =
            ConfigOptions.key("embedding.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("HTTP providers: the timeout of one request.");

    /** {@code embedding.retry.*}: HTTP providers' schedule for 429, 5xx and outages. */
    public static final RetryPolicy.Options RETRY = RetryPolicy.options("embedding.retry");

    public static EmbeddingOptions fromConfig(ReadableConfig config) {
        Provider provider = config.get(PROVIDER);
        Integer dimension = config.getOptional(DIMENSION).orElse(null);
        int maxChars = config.get(MAX_CHARS);
        if (maxChars < 1) {
            throw JobConfig.invalid(MAX_CHARS.key(), maxChars, "must be at least 1");
        }
        int maxInFlight = config.get(MAX_IN_FLIGHT);
        if (maxInFlight < 1) {
            throw JobConfig.invalid(MAX_IN_FLIGHT.key(), maxInFlight, "must be at least 1");
        }
        Duration ttl = JobConfig.positive(CACHE_TTL, config.get(CACHE_TTL));
        boolean responses = config.get(RESPONSES);
        if (provider == Provider.LOCAL) {
            if (dimension != null && dimension != LocalEmbedder.DIMENSION) {
                throw JobConfig.invalid(
                        DIMENSION.key(),
                        dimension,
                        "the local model has 384 dimensions and is not trained to be cut shorter;"
                                + " use an OPENAI provider with a text-embedding-3 model for"
                                + " shorter vectors");
            }
            return new EmbeddingOptions(
                    LocalEmbedder.factory(),
                    LocalEmbedder.MODEL,
                    LocalEmbedder.DIMENSION,
                    responses,
                    maxChars,
                    ttl,
                    maxInFlight);
        }
        String url = JobConfig.required(config, URL, "the " + provider + " embedding provider");
        String model = JobConfig.required(config, MODEL, "the provider's embedding model");
        if (dimension == null || dimension < 1) {
            throw JobConfig.invalid(
                    DIMENSION.key(), dimension, "name the vector length of " + model);
        }
        String keyFile = JobConfig.readableFile(API_KEY_FILE.key(), config.get(API_KEY_FILE));
        HttpEmbedder.Settings settings =
                new HttpEmbedder.Settings(
                        provider == Provider.OPENAI
                                ? HttpEmbedder.Api.OPENAI
                                : HttpEmbedder.Api.COHERE,
                        url.strip(),
                        model,
                        dimension,
                        // OpenAI's text-embedding-3 models shorten their own vectors (Matryoshka)
                        provider == Provider.OPENAI && model.startsWith("text-embedding-3"),
                        keyFile,
                        JobConfig.positive(TIMEOUT, config.get(TIMEOUT)),
                        RETRY.read(config));
        return new EmbeddingOptions(
                HttpEmbedder.factory(settings),
                model,
                dimension,
                responses,
                maxChars,
                ttl,
                maxInFlight);
    }
}
