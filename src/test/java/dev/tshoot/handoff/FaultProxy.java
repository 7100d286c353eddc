package dev.tshoot.handoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A fault-injecting HTTP/1.1 proxy for the tests, in front of the S3 store: each request is read
 * whole (head and Content-Length body), then a {@link Fault} chosen by the current rule decides
 * whether it is forwarded, answered with an error, cut off mid-body, or forwarded with its ETag
 * changed. One request per connection (Connection: close both ways); the Host header is passed on
 * unchanged, so signatures made for the proxy's address stay valid. Every request line is logged.
 */
final class FaultProxy implements AutoCloseable {

    /** What the proxy does with one request. */
    sealed interface Fault {
        record Forward() implements Fault {}

        /** Answer {@code status} with an S3 XML error (or no body when code is null); the store never sees it. */
        record Answer(int status, String code, String message) implements Fault {}

        /** Read half the body, then close the connection without an answer. */
        record DropMidBody() implements Fault {}

        /** Forward, but replace the ETag of the answer. */
        record WrongEtag(String etag) implements Fault {}
    }

    static final Fault FORWARD = new Fault.Forward();

    private final ServerSocket server;
    private final URI upstream;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile Function<String, Fault> rule = line -> FORWARD;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The fault for each request, from its request line ("PUT /cases/x?partNumber=2&uploadId=… HTTP/1.1"). */
    void rule(Function<String, Fault> r) {
        this.rule = r;
    }

    void heal() {
        this.rule = line -> FORWARD;
    }

    /** Requests whose line contains every one of {@code parts}. */
    long count(String... parts) {
        synchronized (requests) {
            return requests.stream().filter(l -> java.util.Arrays.stream(parts).allMatch(l::contains)).count();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                pool.execute(() -> handle(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String requestLine = lines[0];
            requests.add(requestLine);
            long length = 0;
            boolean expect = false;
            StringBuilder forwarded = new StringBuilder(requestLine).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, Math.max(0, lines[i].indexOf(':'))).strip().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(lines[i].indexOf(':') + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "expect" -> expect = true;
                    case "connection", "upgrade", "http2-settings", "keep-alive" -> { continue; }
                    default -> { }
                }
                if (!name.equals("expect")) {
                    forwarded.append(lines[i]).append("\r\n");
                }
            }
            forwarded.append("Connection: close\r\n\r\n");
            Fault fault = rule.apply(requestLine);
            if (expect) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            if (fault instanceof Fault.DropMidBody) {
                in.readNBytes((int) Math.min(length / 2, Integer.MAX_VALUE));
                client.setSoLinger(true, 0); // a reset, as a broken network gives
                return;
            }
            byte[] body = in.readNBytes((int) length);
            if (fault instanceof Fault.Answer a) {
                String xml = a.code() == null ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + a.code() + "</Code><Message>"
                        + a.message() + "</Message><RequestId>fault-proxy</RequestId></Error>";
                byte[] b = xml.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + a.status() + " Fault\r\nContent-Type: application/xml\r\nContent-Length: " + b.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(b);
                out.flush();
                return;
            }
            try (Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
                OutputStream uo = up.getOutputStream();
                uo.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                uo.write(body);
                uo.flush();
                InputStream ui = up.getInputStream();
                String answer = readHead(ui);
                if (answer == null) {
                    return;
                }
                if (fault instanceof Fault.WrongEtag w) {
                    answer = answer.replaceAll("(?im)^ETag:.*$", "ETag: \"" + w.etag() + "\"");
                }
                out.write((answer + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                ui.transferTo(out);
                out.flush();
            }
        } catch (IOException e) {
            // the client or the store went away: nothing to answer
        }
    }

    /** The head up to (not including) the blank line, or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        int state = 0;
        while ((c = in.read()) >= 0) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.substring(0, s.length() - 4);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
