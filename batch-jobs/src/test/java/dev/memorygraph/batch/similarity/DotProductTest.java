package dev.memorygraph.batch.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The SIMD dot product against the scalar one and against double arithmetic, at every length. */
class DotProductTest {

    @Test
    void theVectorApiIsInUseInTheTestsJvm() {
        assertThat(DotProduct.simd()).as("surefire adds jdk.incubator.vector").isTrue();
    }

    @Test
    void simdAndScalarAgreeWithDoubleArithmeticWithinRounding() {
        SplittableRandom random = new SplittableRandom(5);
        DotProduct.Scalar scalar = new DotProduct.Scalar();
        for (int length : new int[] {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 384, 385, 1536}) {
            for (int trial = 0; trial < 20; trial++) {
                float[] a = new float[length];
                float[] b = new float[length];
                for (int i = 0; i < length; i++) {
                    a[i] = (float) (random.nextDouble() * 2 - 1);
                    b[i] = (float) (random.nextDouble() * 2 - 1);
                }
                double exact = 0;
                for (int i = 0; i < length; i++) {
                    exact += (double) a[i] * b[i];
                }
                Offset<Double> rounding = Offset.offset(1e-5 * Math.max(1, length));
                assertThat((double) DotProduct.dot(a, b))
                        .as("length %d", length)
                        .isCloseTo(exact, rounding);
                assertThat((double) scalar.dot(a, b))
                        .as("length %d", length)
                        .isCloseTo(exact, rounding);
            }
        }
    }
}
