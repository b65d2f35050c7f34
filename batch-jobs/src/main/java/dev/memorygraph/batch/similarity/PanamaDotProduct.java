package dev.memorygraph.batch.similarity;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotProduct} on the JDK's vector API: the preferred lane count (8 floats on AVX2, 16 on
 * AVX-512), two accumulators of fused multiply-adds, a scalar tail. Loaded only when the module is
 * resolved.
 */
final class PanamaDotProduct implements DotProduct.Impl {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public float dot(float[] a, float[] b) {
        int lanes = SPECIES.length();
        int i = 0;
        float sum = 0;
        if (a.length >= 2 * lanes) {
            FloatVector acc0 = FloatVector.zero(SPECIES);
            FloatVector acc1 = FloatVector.zero(SPECIES);
            int upper = a.length - a.length % (2 * lanes);
            for (; i < upper; i += 2 * lanes) {
                acc0 =
                        FloatVector.fromArray(SPECIES, a, i)
                                .fma(FloatVector.fromArray(SPECIES, b, i), acc0);
                acc1 =
                        FloatVector.fromArray(SPECIES, a, i + lanes)
                                .fma(FloatVector.fromArray(SPECIES, b, i + lanes), acc1);
            }
            sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
