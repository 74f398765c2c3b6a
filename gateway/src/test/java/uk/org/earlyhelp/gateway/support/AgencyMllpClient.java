package uk.org.earlyhelp.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A health-visiting system's MLLP client over TLS with its client certificate, framing by hand
 * ({@code 0x0B} message {@code 0x1C 0x0D}) so tests control exactly what goes on the wire.
 */
public final class AgencyMllpClient implements AutoCloseable {

    public static final byte START = 0x0B;
    public static final byte END = 0x1C;
    public static final byte CR = 0x0D;

    private final SSLSocket socket;

    private AgencyMllpClient(SSLSocket socket) {
        this.socket = socket;
    }

    /**
     * Connects presenting the keystore's certificate (forced even if the server asks for another CA's), or
     * no certificate at all when {@code keystore} is null.
     */
    public static AgencyMllpClient connect(Path keystore, char[] password, Path truststore, int port) throws IOException {
        try {
            KeyManager[] keyManagers = null;
            if (keystore != null) {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keystore, password), password);
                keyManagers = new KeyManager[] {
                        new AlwaysPresentKeyManager((X509ExtendedKeyManager) keys.getKeyManagers()[0])};
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(truststore, password));
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers, trust.getTrustManagers(), null);
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
            socket.setSoTimeout(30_000);
            return new AgencyMllpClient(socket);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build an MLLP TLS client from " + keystore, e);
        }
    }

    /** Sends one framed message and waits for its acknowledgement. */
    public String send(String message) throws IOException {
        return sendAll(List.of(message)).get(0);
    }

    /** Sends every message in one TCP write, then reads one acknowledgement per message. */
    public List<String> sendAll(List<String> messages) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (String message : messages) {
            frames.write(START);
            frames.writeBytes(message.getBytes(StandardCharsets.ISO_8859_1));
            frames.write(END);
            frames.write(CR);
        }
        writeRaw(frames.toByteArray());
        List<String> acknowledgements = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            acknowledgements.add(readAcknowledgement());
        }
        return acknowledgements;
    }

    public void writeRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next framed acknowledgement; {@link EOFException} if the gateway closes the connection instead. */
    public String readAcknowledgement() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                throw new EOFException("the gateway closed the connection without an acknowledgement");
            }
        }
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new EOFException("the connection closed inside an acknowledgement");
            }
            frame.write(b);
        }
        in.read(); // the trailing carriage return
        return frame.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A field of a segment in an acknowledgement, e.g. {@code field(ack, "MSA", 1)}; "" when absent. */
    public static String field(String acknowledgement, String segment, int field) {
        for (String line : acknowledgement.split("\r")) {
            String[] fields = line.split("\\|", -1);
            if (fields[0].equals(segment)) {
                int index = segment.equals("MSH") ? field - 1 : field;
                return index < fields.length ? fields[index] : "";
            }
        }
        return "";
    }

    /** Every segment of that name, e.g. all ERR segments. */
    public static List<String> segments(String acknowledgement, String segment) {
        List<String> found = new ArrayList<>();
        for (String line : acknowledgement.split("\r")) {
            if (line.startsWith(segment + "|")) {
                found.add(line);
            }
        }
        return found;
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
