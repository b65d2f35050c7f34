package org.elasticsearch.node;

import java.util.Collection;
import java.util.Map;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * An Elasticsearch node with plugins taken from the classpath, which a node built outside a
 * distribution needs. It does what the test framework's {@code MockNode} does without {@code
 * ESTestCase} (which refuses root and wants a randomized-testing runner), and lives in this package
 * because {@code NodeConstruction} and {@code NodeServiceProvider} are package-private.
 */
public class EmbeddedEsNode extends Node {

    public EmbeddedEsNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
        super(
                NodeConstruction.prepareConstruction(
                        InternalSettingsPreparer.prepareEnvironment(
                                settings, Map.of(), null, () -> "node-1"),
                        null,
                        new NodeServiceProvider() {
                            @Override
                            PluginsService newPluginService(Environment env, PluginsLoader loader) {
                                return new MockPluginsService(env.settings(), env, plugins);
                            }
                        },
                        true));
    }
}
