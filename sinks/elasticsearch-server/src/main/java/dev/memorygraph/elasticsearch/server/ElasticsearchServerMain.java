package dev.memorygraph.elasticsearch.server;

import dev.memorygraph.childjvm.ChildJvm;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.EmbeddedEsNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Entry point of the child JVM that {@link EmbeddedElasticsearch} starts: a single-node
 * Elasticsearch 8 cluster on loopback that stops when its parent goes away. Arguments: home
 * directory, HTTP port, transport port.
 */
public final class ElasticsearchServerMain {

    private ElasticsearchServerMain() {}

    public static void main(String[] args) throws Exception {
        ChildJvm.exitWhenParentGone();
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(Settings.EMPTY);
        Settings settings =
                Settings.builder()
                        .put("path.home", args[0])
                        .put("cluster.name", "memory-graph")
                        .put("node.name", "node-1")
                        .put("discovery.type", "single-node")
                        .put("network.host", "127.0.0.1")
                        .put("http.port", args[1])
                        .put("transport.port", args[2])
                        // shared CI disks are often above the default watermarks
                        .put("cluster.routing.allocation.disk.threshold_enabled", false)
                        .build();
        Node node =
                new EmbeddedEsNode(
                        settings, List.of(Netty4Plugin.class, LanguageAnalysisPlugin.class));
        node.start();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        node.close();
                                    } catch (java.io.IOException e) {
                                        // stopping anyway
                                    }
                                },
                                "elasticsearch-stop"));
        new CountDownLatch(1).await();
    }
}
