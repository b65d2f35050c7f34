package dev.memorygraph.model.graph;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Gives {@link GraphMutation} its own {@link GraphMutationSerializer}: its property map holds
 * values of several types, which Flink's POJO analysis would otherwise hand to Kryo.
 */
public final class GraphMutationTypeInfoFactory extends TypeInfoFactory<GraphMutation> {

    @Override
    public TypeInformation<GraphMutation> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return GraphMutationTypeInfo.INSTANCE;
    }

    /** The type information: an atomic, non-key type. */
    public static final class GraphMutationTypeInfo extends TypeInformation<GraphMutation> {

        private static final long serialVersionUID = 1L;

        public static final GraphMutationTypeInfo INSTANCE = new GraphMutationTypeInfo();

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<GraphMutation> getTypeClass() {
            return GraphMutation.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<GraphMutation> createSerializer(SerializerConfig config) {
            return GraphMutationSerializer.INSTANCE;
        }

        @Override
        public String toString() {
            return "GraphMutation";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof GraphMutationTypeInfo;
        }

        @Override
        public int hashCode() {
            return GraphMutationTypeInfo.class.hashCode();
        }

        @Override
        public boolean canEqual(Object obj) {
            return obj instanceof GraphMutationTypeInfo;
        }
    }
}
