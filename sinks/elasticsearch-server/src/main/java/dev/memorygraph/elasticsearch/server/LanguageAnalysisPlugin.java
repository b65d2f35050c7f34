package dev.memorygraph.elasticsearch.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * What the memory graph's index template needs of Elasticsearch's {@code analysis-common} module,
 * which every distribution ships but Maven does not: the {@code english} analyzer, and the {@code
 * stemmer} ({@code english}, {@code possessive_english}) and {@code synonym_graph} ({@code
 * synonyms_path} in the node's config directory, Solr format, {@code updateable}) token filters,
 * each the Lucene class the module itself wraps. A stand-in for the test node only, so the
 * template's language analysis and synonyms run against a real node.
 */
public final class LanguageAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("english", LanguageAnalysisPlugin::english);
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "stemmer",
                LanguageAnalysisPlugin::stemmer,
                "synonym_graph",
                AnalysisPlugin.requiresAnalysisSettings(LanguageAnalysisPlugin::synonyms));
    }

    private static AnalyzerProvider<? extends Analyzer> english(
            IndexSettings index, Environment environment, String name, Settings settings) {
        EnglishAnalyzer analyzer = new EnglishAnalyzer();
        return new AbstractIndexAnalyzerProvider<EnglishAnalyzer>(name, settings) {
            @Override
            public EnglishAnalyzer get() {
                return analyzer;
            }
        };
    }

    private static TokenFilterFactory stemmer(
            IndexSettings index, Environment environment, String name, Settings settings) {
        String language = settings.get("language", settings.get("name", "english"));
        return switch (language) {
            case "english", "porter" -> filter(name, settings, PorterStemFilter::new);
            case "possessive_english" -> filter(name, settings, EnglishPossessiveFilter::new);
            default ->
                    throw new IllegalArgumentException(
                            "this test node stems english and possessive_english only, not "
                                    + language);
        };
    }

    private static TokenFilterFactory synonyms(
            IndexSettings index, Environment environment, String name, Settings settings)
            throws IOException {
        String path = settings.get("synonyms_path");
        if (path == null) {
            throw new IllegalArgumentException("synonym_graph needs synonyms_path here");
        }
        Path file = environment.configDir().resolve(path);
        SolrSynonymParser parser = new SolrSynonymParser(true, true, new StandardAnalyzer());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.parse(reader);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot parse synonyms file " + path, e);
        }
        SynonymMap map = parser.build();
        boolean updateable = settings.getAsBoolean("updateable", false);
        return new AbstractTokenFilterFactory(name, settings) {
            @Override
            public TokenStream create(TokenStream stream) {
                return new SynonymGraphFilter(stream, map, true);
            }

            @Override
            public AnalysisMode getAnalysisMode() {
                return updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
            }
        };
    }

    private static TokenFilterFactory filter(
            String name, Settings settings, java.util.function.UnaryOperator<TokenStream> filter) {
        return new AbstractTokenFilterFactory(name, settings) {
            @Override
            public TokenStream create(TokenStream stream) {
                return filter.apply(stream);
            }
        };
    }
}
