package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server for the tests (Apache MINA SSHD, SFTP subsystem), its users' home a temporary folder. It can be
 * stopped and started again on the same port with the same host key, and made to drop a connection in the middle
 * of reading a file.
 */
final class SftpTestServer {

    static final String USER = "hub";
    static final String PASSWORD = "s3cret-密码";

    private final Path root;
    private final Path hostKey;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private volatile Predicate<String> cutWhileReading = name -> false;
    private SshServer server;
    private int port;

    SftpTestServer() {
        try {
            Path dir = Files.createTempDirectory("hub-sftp");
            this.root = Files.createDirectories(dir.resolve("home"));
            this.hostKey = dir.resolve("host-key.ser");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    synchronized void start() {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void reading(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                                byte[] data, int dataOffset, int dataLen) throws IOException {
                if (cutWhileReading.test(localHandle.getFile().getFileName().toString())
                        && cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    session.close(true); // the server goes away in the middle of the transfer
                    throw new IOException("connection cut by the test");
                }
            }
        });
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        try {
            sshd.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = sshd.getPort();
        server = sshd;
    }

    synchronized void stop() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next {@code times} reads of files matching cut the connection. */
    void cutWhileReading(Predicate<String> fileName, int times) {
        cutWhileReading = fileName;
        cutsLeft.set(times);
    }

    int cutsLeft() {
        return cutsLeft.get();
    }

    Path home() {
        return root;
    }

    int port() {
        return port;
    }

    /** A known_hosts file with this server's key. */
    Path knownHosts() {
        try {
            KeyPair key = server.getKeyPairProvider().loadKeys(null).iterator().next();
            Path file = Files.createTempFile("known_hosts", "");
            Files.writeString(file, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A known_hosts file naming this server with another key: a man in the middle, as the hub must see it. */
    Path wrongKnownHosts() {
        try {
            Path other = Files.createTempDirectory("hub-sftp-other").resolve("key.ser");
            KeyPair key = new SimpleGeneratorHostKeyProvider(other).loadKeys(null).iterator().next();
            Path file = Files.createTempFile("known_hosts-wrong", "");
            Files.writeString(file, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
