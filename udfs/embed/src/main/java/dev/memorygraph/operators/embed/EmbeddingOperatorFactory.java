package dev.memorygraph.operators.embed;

import dev.memorygraph.model.EnrichedEvent;
import org.apache.flink.annotation.Internal;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.operators.legacy.YieldingOperatorFactory;

/** Makes {@link EmbeddingOperator}s with the task's mailbox, which they apply answers through. */
@Internal
public final class EmbeddingOperatorFactory extends AbstractStreamOperatorFactory<EnrichedEvent>
        implements OneInputStreamOperatorFactory<EnrichedEvent, EnrichedEvent>,
                YieldingOperatorFactory<EnrichedEvent> {

    private static final long serialVersionUID = 1L;

    private final EmbeddingOptions options;

    public EmbeddingOperatorFactory(EmbeddingOptions options) {
        this.options = options;
        this.chainingStrategy = ChainingStrategy.ALWAYS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<EnrichedEvent>> T createStreamOperator(
            StreamOperatorParameters<EnrichedEvent> parameters) {
        return (T) new EmbeddingOperator(parameters, options, getMailboxExecutor());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return EmbeddingOperator.class;
    }
}
