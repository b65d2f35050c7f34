package dev.memorygraph.operators.metadata;

import dev.memorygraph.model.EnrichedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;

/** Calls an async function directly, with a mock runtime context, and waits for its answers. */
final class AsyncCalls {

    private AsyncCalls() {}

    static <F extends RichAsyncFunction<EnrichedEvent, EnrichedEvent>> F opened(F function)
            throws Exception {
        function.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        function.open(DefaultOpenContext.INSTANCE);
        return function;
    }

    static CompletableFuture<EnrichedEvent> invoke(
            RichAsyncFunction<EnrichedEvent, EnrichedEvent> function, EnrichedEvent event)
            throws Exception {
        CompletableFuture<EnrichedEvent> done = new CompletableFuture<>();
        function.asyncInvoke(
                event,
                new ResultFuture<>() {
                    @Override
                    public void complete(Collection<EnrichedEvent> result) {
                        done.complete(result.iterator().next());
                    }

                    @Override
                    public void completeExceptionally(Throwable error) {
                        done.completeExceptionally(error);
                    }

                    @Override
                    public void complete(CollectionSupplier<EnrichedEvent> supplier) {
                        try {
                            complete(supplier.get());
                        } catch (Exception e) {
                            done.completeExceptionally(e);
                        }
                    }
                });
        return done;
    }

    static List<EnrichedEvent> await(List<CompletableFuture<EnrichedEvent>> futures)
            throws Exception {
        List<EnrichedEvent> out = new ArrayList<>();
        for (CompletableFuture<EnrichedEvent> f : futures) {
            out.add(f.get(10, TimeUnit.SECONDS));
        }
        return out;
    }
}
