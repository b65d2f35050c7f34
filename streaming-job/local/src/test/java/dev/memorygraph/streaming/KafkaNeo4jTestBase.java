package dev.memorygraph.streaming;

import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import dev.memorygraph.testing.EmbeddedKafka;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Integration tests of the whole job against a real broker (one per class), the shared Neo4j server
 * (wiped before each test) and a two-slot MiniCluster.
 */
abstract class KafkaNeo4jTestBase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static EmbeddedKafka kafka;
    static Driver driver;

    @BeforeAll
    static void startKafkaAndConnect() throws Exception {
        kafka = EmbeddedKafka.start();
        driver = GraphDatabase.driver(EmbeddedNeo4j.shared().boltUri().toString());
    }

    @AfterAll
    static void stopKafkaAndDisconnect() throws Exception {
        driver.close();
        kafka.close();
    }

    @BeforeEach
    void wipeGraph() {
        Neo4jTestSupport.wipe(driver);
    }
}
