package dev.memorygraph.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElasticsearchIndexTest {

    @Test
    void searchesThroughAnUpdateableSynonymFilterWhenAFileIsNamed() throws Exception {
        ElasticsearchIndex index =
                new ElasticsearchIndex("llm-events", "english", "analysis/synonyms.txt", List.of());

        assertThat(index.mappingOf("text"))
                .containsEntry("analyzer", "english")
                .containsEntry("search_analyzer", "memory_graph_search");
        assertThat(index.template())
                .contains("\"synonyms_path\":\"analysis/synonyms.txt\"")
                .contains("\"updateable\":true")
                .contains("\"index_patterns\":[\"llm-events-0*\"]");
        assertThat(
                        new ElasticsearchIndex("llm-events", "english", null, List.of())
                                .mappingOf("text"))
                .doesNotContainKey("search_analyzer");
    }

    @Test
    void indexesOnlyTheSelectedMetadataFields() throws Exception {
        ElasticsearchIndex index =
                new ElasticsearchIndex("llm-events", "english", null, List.of("team", "feature"));

        assertThat(index.mappingOf("metadata"))
                .containsEntry("dynamic", false)
                .extractingByKey("properties")
                .asString()
                .contains("team")
                .contains("feature");
        assertThat(index.mappingOf("tags")).containsEntry("type", "keyword");
    }

    @Test
    void refusesAnAliasElasticsearchWouldRefuse() {
        assertThatThrownBy(() -> new ElasticsearchIndex("LLM Events", "english", null, List.of()))
                .hasMessageStartingWith("Invalid value 'LLM Events' for elasticsearch.index");
    }
}
