package dev.memorygraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every type that crosses a Flink network or state boundary is a POJO with no Kryo inside. */
class ModelTypeInformationTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                RawEvent.class,
                InboundEvent.class,
                EnrichedEvent.class,
                DeadLetter.class,
                TextFeatures.class,
                PromptLink.class,
                Metadata.class
            })
    void serializedAsPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
        TypeInformation<?> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<?> serializer = info.createSerializer(config);
        assertThat(serializer).isNotNull();
    }
}
