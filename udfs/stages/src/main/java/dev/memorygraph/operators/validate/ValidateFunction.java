package dev.memorygraph.operators.validate;

import static dev.memorygraph.core.metrics.MetricNames.DEAD_LETTERS_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.EVENTS_RECEIVED_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_REASON;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STAGE;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STATUS;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_TOPIC;
import static dev.memorygraph.core.metrics.MetricNames.STATUS_INVALID;
import static dev.memorygraph.core.metrics.MetricNames.STATUS_VALID;
import static dev.memorygraph.core.metrics.MetricNames.VALIDATION_ERROR_RATE;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.TopicMapping;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1 as a Flink function: valid records continue as {@link InboundEvent}s, invalid ones leave
 * through {@link #DEAD_LETTERS} with their original bytes and a reason code. Never throws on bad
 * input, so one bad record cannot fail the job.
 *
 * <p>Metrics: {@code events_received_total{topic,status}}, {@code
 * dead_letters_total{stage,reason}}, and the gauge {@code validation_error_rate} over {@code
 * validation.error-rate.window}; a WARN is logged (at most once a window) while the rate is above
 * {@code validation.error-rate.warn-threshold}.
 */
public class ValidateFunction extends ProcessFunction<RawEvent, InboundEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ValidateFunction.class);

    public static final String STAGE = "validate";

    /** Side output of records that failed validation. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("validation-dead-letters") {};

    private final TopicMapping topics;
    private final ValidationOptions options;
    private final Clock clock;

    private transient EventValidator validator;
    private transient Map<String, Counter[]> receivedByTopic;
    private transient Map<ReasonCode, Counter> deadLettersByReason;
    private transient ErrorRateWindow errorRate;
    private transient long nextWarnMillis;
    private transient MetricGroup metrics;

    public ValidateFunction(TopicMapping topics, ValidationOptions options, Clock clock) {
        this.topics = topics;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        validator = new EventValidator(topics, options);
        metrics = getRuntimeContext().getMetricGroup();
        receivedByTopic = new HashMap<>();
        deadLettersByReason = new EnumMap<>(ReasonCode.class);
        errorRate = new ErrorRateWindow(options.errorRateWindow().toMillis());
        metrics.gauge(VALIDATION_ERROR_RATE, (Gauge<Double>) () -> errorRate.rate(clock.millis()));
    }

    @Override
    public void processElement(RawEvent raw, Context ctx, Collector<InboundEvent> out) {
        Instant now = clock.instant();
        EventValidator.Result result = validator.validate(raw, now);
        Counter[] received = receivedCounters(raw.topic());
        errorRate.record(!result.isValid(), now.toEpochMilli());
        if (result.isValid()) {
            received[0].inc();
            out.collect(result.event());
        } else {
            received[1].inc();
            EventValidator.Rejection rejection = result.rejection();
            deadLetterCounter(rejection.reason()).inc();
            ctx.output(
                    DEAD_LETTERS,
                    DeadLetter.of(raw, rejection.reason(), rejection.message(), STAGE, now));
            LOG.debug(
                    "Rejected {}/{}@{}: {}",
                    raw.topic(),
                    raw.partition(),
                    raw.offset(),
                    rejection.reason());
        }
        maybeWarn(now.toEpochMilli());
    }

    private void maybeWarn(long nowMillis) {
        if (nowMillis < nextWarnMillis) {
            return;
        }
        long total = errorRate.total(nowMillis);
        double rate = errorRate.rate(nowMillis);
        if (total >= options.errorRateMinEvents() && rate > options.errorRateWarnThreshold()) {
            nextWarnMillis = nowMillis + options.errorRateWindow().toMillis();
            LOG.warn(
                    "Validation error rate {}% over the last {} ({} records) is above {}%;"
                            + " see the dead-letter topic for reasons",
                    String.format("%.2f", rate * 100),
                    options.errorRateWindow(),
                    total,
                    String.format("%.2f", options.errorRateWarnThreshold() * 100));
        }
    }

    private Counter[] receivedCounters(String topic) {
        return receivedByTopic.computeIfAbsent(
                topic == null ? "unknown" : topic,
                t -> {
                    MetricGroup byTopic = metrics.addGroup(LABEL_TOPIC, t);
                    return new Counter[] {
                        byTopic.addGroup(LABEL_STATUS, STATUS_VALID).counter(EVENTS_RECEIVED_TOTAL),
                        byTopic.addGroup(LABEL_STATUS, STATUS_INVALID)
                                .counter(EVENTS_RECEIVED_TOTAL)
                    };
                });
    }

    private Counter deadLetterCounter(ReasonCode reason) {
        return deadLettersByReason.computeIfAbsent(
                reason,
                r ->
                        metrics.addGroup(LABEL_STAGE, STAGE)
                                .addGroup(LABEL_REASON, r.name())
                                .counter(DEAD_LETTERS_TOTAL));
    }
}
