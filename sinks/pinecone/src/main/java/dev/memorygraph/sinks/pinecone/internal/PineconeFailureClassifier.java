package dev.memorygraph.sinks.pinecone.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.memorygraph.sinks.base.Classification;
import dev.memorygraph.sinks.base.FailureClassifier;
import io.grpc.Status;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.flink.annotation.Internal;

/**
 * Pinecone upsert failures by gRPC status: {@code UNAVAILABLE}, {@code RESOURCE_EXHAUSTED}, {@code
 * DEADLINE_EXCEEDED}, {@code ABORTED}, {@code INTERNAL} and {@code UNKNOWN} are retried; {@code
 * INVALID_ARGUMENT} and {@code OUT_OF_RANGE} (a vector of the wrong dimension, bad metadata, an
 * oversized request) reject the batch, which the writer splits down to the vector at fault; {@code
 * UNAUTHENTICATED}, {@code PERMISSION_DENIED}, {@code NOT_FOUND} (no such index) and the rest fail
 * the job. The code is the status name, never the server's description.
 */
@Internal
public final class PineconeFailureClassifier implements FailureClassifier {

    private static final long serialVersionUID = 1L;

    @Override
    public Classification classify(Throwable error) {
        if (isGrpc(error)) {
            Status.Code status = Status.fromThrowable(error).getCode();
            String code = "grpc " + status.name();
            return switch (status) {
                case UNAVAILABLE,
                        RESOURCE_EXHAUSTED,
                        DEADLINE_EXCEEDED,
                        ABORTED,
                        INTERNAL,
                        UNKNOWN ->
                        Classification.retry(code);
                case INVALID_ARGUMENT, OUT_OF_RANGE -> Classification.reject(code);
                default -> Classification.fail(code);
            };
        }
        if (error instanceof InvalidProtocolBufferException) {
            // a record that is not a vector: poison, not an outage
            return Classification.reject(error.getClass().getName());
        }
        if (error instanceof IOException || error instanceof TimeoutException) {
            return Classification.retry(error.getClass().getName());
        }
        return Classification.fail(error.getClass().getName());
    }

    private static boolean isGrpc(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.grpc.StatusRuntimeException
                    || cause instanceof io.grpc.StatusException) {
                return true;
            }
        }
        return false;
    }
}
