package dev.memorygraph.batch.similarity;

/**
 * The dot product of two float vectors of one length, the inner loop of both searches. With the
 * JDK's vector API resolved ({@code --add-modules jdk.incubator.vector}, an incubator module on
 * Java 17), {@link PanamaDotProduct}: SIMD lanes and fused multiply-adds (8 floats per operation on
 * AVX2); otherwise a scalar loop with four accumulators. Lucene's own {@code VectorUtil} uses the
 * vector API only from Java 20, so on Java 17 this is what makes the searches SIMD. The JVM options
 * of the cluster (README, Similarity graph) add the module.
 */
public final class DotProduct {

    private static final Impl IMPL = load();

    private DotProduct() {}

    /** What computes it. */
    interface Impl {
        float dot(float[] a, float[] b);
    }

    public static float dot(float[] a, float[] b) {
        return IMPL.dot(a, b);
    }

    /** Whether the vector API is in use. */
    public static boolean simd() {
        return !(IMPL instanceof Scalar);
    }

    private static Impl load() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (Impl)
                        Class.forName(DotProduct.class.getPackageName() + ".PanamaDotProduct")
                                .getDeclaredConstructor()
                                .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new Scalar();
            }
        }
        return new Scalar();
    }

    /** Four independent sums, so that the multiplications pipeline. */
    static final class Scalar implements Impl {
        @Override
        public float dot(float[] a, float[] b) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int i = 0;
            int upper = a.length & ~3;
            for (; i < upper; i += 4) {
                s0 += a[i] * b[i];
                s1 += a[i + 1] * b[i + 1];
                s2 += a[i + 2] * b[i + 2];
                s3 += a[i + 3] * b[i + 3];
            }
            for (; i < a.length; i++) {
                s0 += a[i] * b[i];
            }
            return (s0 + s1) + (s2 + s3);
        }
    }
}
