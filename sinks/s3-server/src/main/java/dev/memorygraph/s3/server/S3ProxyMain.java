package dev.memorygraph.s3.server;

import dev.memorygraph.childjvm.ChildJvm;

/**
 * Entry point of the child JVM that {@link EmbeddedS3} starts: s3proxy's own main, stopped when the
 * parent goes away. Its endpoint and blob store come from the properties file in the arguments.
 */
public final class S3ProxyMain {

    private S3ProxyMain() {}

    public static void main(String[] args) throws Exception {
        ChildJvm.exitWhenParentGone();
        org.gaul.s3proxy.Main.main(args);
    }
}
