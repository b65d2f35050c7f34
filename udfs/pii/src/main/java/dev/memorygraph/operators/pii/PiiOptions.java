package dev.memorygraph.operators.pii;

import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.core.retry.RetryPolicy;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Configuration of stage 4 (PII detection and policies): the option keys, and the validated values
 * the stage runs with ({@link #fromConfig}).
 */
public final class PiiOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOptions.key("pii.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Whether the PII stage runs.");

    public static final ConfigOption<String> DEFAULT_POLICY =
            ConfigOptions.key("pii.policy.default")
                    .stringType()
                    .defaultValue("flag")
                    .withDescription(
                            "flag, redact or vault for tenants without their own policy, and for"
                                    + " responses (which carry no tenant).");

    public static final ConfigOption<String> TENANT_POLICIES =
            ConfigOptions.key("pii.policy.tenants")
                    .stringType()
                    .defaultValue("")
                    .withDescription("Per-tenant policies, e.g. acme:redact,globex:vault.");

    public static final ConfigOption<String> PHONE_REGION =
            ConfigOptions.key("pii.phone.default-region")
                    .stringType()
                    .defaultValue("US")
                    .withDescription("Region whose national phone formats are recognised.");

    public static final ConfigOption<String> PRESIDIO_URL =
            ConfigOptions.key("pii.ner.presidio-url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Presidio Analyzer base URL; when set, PERSON/ORG/GPE come from its"
                                    + " POST /analyze instead of the in-process recognizer.");

    public static final ConfigOption<String> RECOGNIZER =
            ConfigOptions.key("pii.ner.recognizer")
                    .stringType()
                    .defaultValue("rules")
                    .withDescription(
                            "The in-process recognizer: 'rules' (ContextRecognizer, about 0.05 ms"
                                    + " a sentence) or 'tagger' (NameFinderRecognizer, a"
                                    + " perceptron tagger stacked on the rules: the same share of"
                                    + " names redacted, fewer wrong types, about 0.6 ms a"
                                    + " sentence that holds a name).");

    public static final ConfigOption<String> VAULT_URL =
            ConfigOptions.key("pii.vault.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Data Vault base URL (https), required for the vault policy.");

    public static final ConfigOption<String> VAULT_API_KEY_FILE =
            ConfigOptions.key("pii.vault.api-key-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the vault's bearer key.");

    public static final ConfigOption<String> VAULT_KEY_STORE =
            ConfigOptions.key("pii.vault.key-store")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("PKCS#12 file with the client certificate and key (mTLS).");

    public static final ConfigOption<String> VAULT_KEY_STORE_PASSWORD_FILE =
            ConfigOptions.key("pii.vault.key-store-password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the key store's password.");

    public static final ConfigOption<String> VAULT_TRUST_STORE =
            ConfigOptions.key("pii.vault.trust-store")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "PKCS#12 file with the CA that signed the vault's certificate; the"
                                    + " JDK's trust store when unset.");

    public static final ConfigOption<String> VAULT_TRUST_STORE_PASSWORD_FILE =
            ConfigOptions.key("pii.vault.trust-store-password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the trust store's password.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("pii.http.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Timeout of one vault or Presidio request.");

    /** Vault and Presidio retries: connection errors, timeouts, 429 and 5xx (1 s, 2 s, 4 s). */
    public static final RetryPolicy.Options RETRY = RetryPolicy.options("pii.http.retry");

    public static final ConfigOption<Duration> ASYNC_TIMEOUT =
            ConfigOptions.key("pii.async.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "Per event; must exceed a Presidio call and a vault call with all their"
                                    + " retries (2 x 27 s with the defaults). An event that takes"
                                    + " longer goes to the dead-letter queue, redacted.");

    public static final ConfigOption<Integer> ASYNC_CAPACITY =
            ConfigOptions.key("pii.async.capacity")
                    .intType()
                    .defaultValue(100)
                    .withDescription("Events in flight per subtask.");

    private final Configuration config;
    private final PiiPolicy defaultPolicy;
    private final Map<String, PiiPolicy> tenantPolicies;
    private final RetryPolicy retries;

    private PiiOptions(
            Configuration config,
            PiiPolicy defaultPolicy,
            Map<String, PiiPolicy> tenantPolicies,
            RetryPolicy retries) {
        this.config = config;
        this.defaultPolicy = defaultPolicy;
        this.tenantPolicies = tenantPolicies;
        this.retries = retries;
    }

    /**
     * The stage's options from {@code config}, checked before a job graph exists: policy names, the
     * tenant list, the vault settings a {@code vault} policy needs (URL, key file, key and trust
     * stores with their password files, all readable), the Presidio URL, and an async timeout long
     * enough for two calls with all their retries. A bad value fails with its key, the value and
     * what is allowed.
     */
    public static PiiOptions fromConfig(ReadableConfig config) {
        PiiPolicy defaultPolicy = PiiPolicy.parse(DEFAULT_POLICY.key(), config.get(DEFAULT_POLICY));
        Map<String, PiiPolicy> tenants = PiiPolicy.parseTenants(config.get(TENANT_POLICIES));
        RetryPolicy retries = RETRY.read(config);
        Configuration copy = Configuration.fromMap(config.toMap());
        PiiOptions options = new PiiOptions(copy, defaultPolicy, Map.copyOf(tenants), retries);
        options.check();
        return options;
    }

    /** A new in-process recognizer of the configured kind, for one subtask. */
    public NamedEntityRecognizer inProcessRecognizer() {
        return "tagger".equals(recognizer()) ? new NameFinderRecognizer() : new ContextRecognizer();
    }

    private String recognizer() {
        String value = config.get(RECOGNIZER).strip().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("rules") && !value.equals("tagger")) {
            throw JobConfig.invalid(
                    RECOGNIZER.key(), config.get(RECOGNIZER), "use rules or tagger");
        }
        return value;
    }

    private void check() {
        recognizer();
        String presidio = config.get(PRESIDIO_URL);
        if (presidio != null) {
            httpUrl(PRESIDIO_URL, presidio);
        }
        if (needsVault()) {
            httpUrl(VAULT_URL, JobConfig.required(config, VAULT_URL, "a vault policy is set"));
            JobConfig.readableFile(
                    VAULT_API_KEY_FILE.key(),
                    JobConfig.required(config, VAULT_API_KEY_FILE, "a vault policy is set"));
            for (ConfigOption<String> file :
                    List.of(
                            VAULT_KEY_STORE,
                            VAULT_KEY_STORE_PASSWORD_FILE,
                            VAULT_TRUST_STORE,
                            VAULT_TRUST_STORE_PASSWORD_FILE)) {
                JobConfig.readableFile(file.key(), config.get(file));
            }
        }
        Duration timeout = config.get(REQUEST_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw JobConfig.invalid(REQUEST_TIMEOUT.key(), timeout, "must be > 0");
        }
        // An event makes at most two calls in sequence: Presidio, then the vault.
        Duration needed = worstCaseCall().multipliedBy(2);
        if (asyncTimeout().compareTo(needed) <= 0) {
            throw JobConfig.invalid(
                    ASYNC_TIMEOUT.key(),
                    asyncTimeout(),
                    "must exceed "
                            + needed
                            + " (two HTTP calls with all their retries), or retries are cut off");
        }
        if (asyncCapacity() < 1) {
            throw JobConfig.invalid(ASYNC_CAPACITY.key(), asyncCapacity(), "must be >= 1");
        }
    }

    private static void httpUrl(ConfigOption<String> option, String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw JobConfig.invalid(option.key(), value, "an http(s) URL is expected");
        }
    }

    public ReadableConfig config() {
        return config;
    }

    public PiiPolicy defaultPolicy() {
        return defaultPolicy;
    }

    public Map<String, PiiPolicy> tenantPolicies() {
        return tenantPolicies;
    }

    public boolean needsVault() {
        return defaultPolicy == PiiPolicy.VAULT || tenantPolicies.containsValue(PiiPolicy.VAULT);
    }

    public RetryPolicy retries() {
        return retries;
    }

    public Duration requestTimeout() {
        return config.get(REQUEST_TIMEOUT);
    }

    public Duration asyncTimeout() {
        return config.get(ASYNC_TIMEOUT);
    }

    public int asyncCapacity() {
        return config.get(ASYNC_CAPACITY);
    }

    /** The longest one HTTP call can take with its retries: every attempt times out. */
    Duration worstCaseCall() {
        return requestTimeout()
                .multipliedBy(retries.maxRetries() + 1L)
                .plus(retries.maxTotalDelay());
    }
}
