package dev.memorygraph.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PKI made with the JDK's {@code keytool}: a CA, a server certificate for 127.0.0.1 and
 * two client certificates, one signed by the CA and one self-signed (the "wrong" one). Every store
 * is PKCS#12 with the password {@value #PASSWORD}.
 */
public final class TestPki {

    public static final String PASSWORD = "changeit";

    public final Path dir;
    public final Path caStore;
    public final Path serverStore;
    public final Path clientStore;
    public final Path strangerStore;
    public final Path trustStore;
    public final Path passwordFile;

    public TestPki(Path dir) throws Exception {
        this.dir = dir;
        caStore = dir.resolve("ca.p12");
        serverStore = dir.resolve("server.p12");
        clientStore = dir.resolve("client.p12");
        strangerStore = dir.resolve("stranger.p12");
        trustStore = dir.resolve("trust.p12");
        passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, PASSWORD + "\n");

        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-dname",
                "CN=test-ca",
                "-ext",
                "bc:c",
                "-keystore",
                caStore.toString());
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                caStore.toString(),
                "-file",
                dir.resolve("ca.pem").toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                dir.resolve("ca.pem").toString(),
                "-keystore",
                trustStore.toString());
        signed("server", serverStore, "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost");
        signed("client", clientStore, "CN=memory-graph");
        keytool(
                "-genkeypair",
                "-alias",
                "stranger",
                "-dname",
                "CN=stranger",
                "-keystore",
                strangerStore.toString());
    }

    private void signed(String alias, Path store, String dname, String... ext) throws Exception {
        keytool("-genkeypair", "-alias", alias, "-dname", dname, "-keystore", store.toString());
        Path csr = dir.resolve(alias + ".csr");
        Path pem = dir.resolve(alias + ".pem");
        keytool(
                "-certreq",
                "-alias",
                alias,
                "-keystore",
                store.toString(),
                "-file",
                csr.toString());
        List<String> gencert =
                new ArrayList<>(
                        List.of(
                                "-gencert",
                                "-alias",
                                "ca",
                                "-keystore",
                                caStore.toString(),
                                "-infile",
                                csr.toString(),
                                "-outfile",
                                pem.toString(),
                                "-rfc"));
        gencert.addAll(List.of(ext));
        keytool(gencert.toArray(String[]::new));
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                dir.resolve("ca.pem").toString(),
                "-keystore",
                store.toString());
        keytool(
                "-importcert",
                "-alias",
                alias,
                "-file",
                pem.toString(),
                "-keystore",
                store.toString());
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2"));
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (List.of(args).contains("-genkeypair") || List.of(args).contains("-certreq")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
