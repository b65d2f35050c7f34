package dev.memorygraph.sinks.pinecone;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.sinks.base.RetriesExhausted;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** The {@code pinecone.*} options of the Pinecone sink. */
public final class PineconeOptions {

    private PineconeOptions() {}

    /** Pinecone's limits on one upsert request. */
    public static final int MAX_VECTORS_PER_UPSERT = 1_000;

    public static final long MAX_UPSERT_BYTES = 2L * 1024 * 1024;

    /** Pinecone's limit on one vector's metadata. */
    public static final int MAX_METADATA_BYTES = 40 * 1024;

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOptions.key("pinecone.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Whether the job upserts prompt embeddings to Pinecone. Takes effect"
                                    + " only when events carry an embedding.");

    public static final ConfigOption<String> INDEX =
            ConfigOptions.key("pinecone.index")
                    .stringType()
                    .defaultValue("llm-prompts")
                    .withDescription("Name of the Pinecone index.");

    public static final ConfigOption<String> HOST =
            ConfigOptions.key("pinecone.host")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The index's data-plane host, e.g."
                                    + " https://llm-prompts-abc123.svc.aped-1234.pinecone.io"
                                    + " (http:// means plaintext gRPC). When unset, it is looked up"
                                    + " through the control plane by index name.");

    public static final ConfigOption<String> CONTROL_PLANE_URL =
            ConfigOptions.key("pinecone.control-plane.url")
                    .stringType()
                    .defaultValue("https://api.pinecone.io")
                    .withDescription("Base URL of the Pinecone control plane (REST).");

    public static final ConfigOption<String> API_KEY_FILE =
            ConfigOptions.key("pinecone.api-key-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the Pinecone API key. Required.");

    public static final ConfigOption<Boolean> CREATE_INDEX =
            ConfigOptions.key("pinecone.index.create-if-missing")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Create the index through the control plane when it does not exist"
                                    + " (serverless, cosine); an existing index must have the"
                                    + " configured dimension and metric cosine or the job is"
                                    + " refused.");

    public static final ConfigOption<Integer> DIMENSION =
            ConfigOptions.key("pinecone.index.dimension")
                    .intType()
                    .defaultValue(384)
                    .withDescription(
                            "Vector dimension: the embedding model's (384 for all-MiniLM-L6-v2)."
                                    + " A vector of another length is dead-lettered.");

    public static final ConfigOption<String> CLOUD =
            ConfigOptions.key("pinecone.index.cloud")
                    .stringType()
                    .defaultValue("aws")
                    .withDescription("Cloud of a serverless index the sink creates.");

    public static final ConfigOption<String> REGION =
            ConfigOptions.key("pinecone.index.region")
                    .stringType()
                    .defaultValue("us-east-1")
                    .withDescription("Region of a serverless index the sink creates.");

    public static final ConfigOption<String> DEFAULT_NAMESPACE =
            ConfigOptions.key("pinecone.namespace.default")
                    .stringType()
                    .defaultValue("__default__")
                    .withDescription(
                            "Namespace of prompts without a tenant; a prompt with a tenant goes to"
                                    + " the namespace named by its tenant id.");

    public static final ConfigOption<Integer> BATCH_MAX_VECTORS =
            ConfigOptions.key("pinecone.batch.max-vectors")
                    .intType()
                    .defaultValue(500)
                    .withDescription(
                            "Vectors per upsert at most; Pinecone allows 1,000 (and 2 MB).");

    public static final ConfigOption<MemorySize> BATCH_MAX_BYTES =
            ConfigOptions.key("pinecone.batch.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("1900kb"))
                    .withDescription(
                            "Bytes of vectors and metadata per upsert at most; Pinecone allows 2"
                                    + " MB per request, and the envelope needs a little room.");

    public static final ConfigOption<Duration> BATCH_MAX_TIME =
            ConfigOptions.key("pinecone.batch.max-time")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("A partial batch is sent after this long.");

    public static final ConfigOption<Integer> BUFFER_MAX_VECTORS =
            ConfigOptions.key("pinecone.buffer.max-vectors")
                    .intType()
                    .defaultValue(10_000)
                    .withDescription("Vectors buffered per subtask before back-pressure.");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT =
            ConfigOptions.key("pinecone.max-in-flight")
                    .intType()
                    .defaultValue(4)
                    .withDescription(
                            "Upserts in flight per subtask; a vector is keyed by its id, so order"
                                    + " between batches does not matter.");

    public static final ConfigOption<Duration> RPC_TIMEOUT =
            ConfigOptions.key("pinecone.rpc-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "gRPC deadline of one upsert; an upsert past it is retried"
                                    + " (DEADLINE_EXCEEDED).");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("pinecone.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "A batch still unwritten after this long, retries included, fails the"
                                    + " job.");

    public static final ConfigOption<RetriesExhausted> ON_RETRIES_EXHAUSTED =
            ConfigOptions.key("pinecone.on-retries-exhausted")
                    .enumType(RetriesExhausted.class)
                    .defaultValue(RetriesExhausted.FAIL)
                    .withDescription(
                            "FAIL: the job fails and restarts from its checkpoint. RECONCILE: the"
                                    + " vectors go to the reconciliation topic and the job goes"
                                    + " on.");

    /** {@code pinecone.retry.*}: the schedule for overload and outages (1 s, 2 s, 4 s). */
    public static final RetryPolicy.Options RETRY = RetryPolicy.options("pinecone.retry");

    /**
     * The HNSW parameters of spec §3.2. Pinecone's serverless indexes expose no graph parameters,
     * so a created index records them as tags, for whoever compares stores.
     */
    static final int HNSW_M = 16;

    static final int HNSW_EF_CONSTRUCTION = 200;
    static final int HNSW_EF_SEARCH = 100;
}
