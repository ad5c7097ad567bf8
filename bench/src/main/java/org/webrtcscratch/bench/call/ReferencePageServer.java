package org.webrtcscratch.bench.call;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.webrtcscratch.bench.process.FreePorts;

/**
 * Serves a benchmark's reference page over http://127.0.0.1 (a secure context, so getUserMedia works), from
 * the bench's resources, at {@code /reference}.
 */
public final class ReferencePageServer implements AutoCloseable {

    private final HttpServer server;

    ReferencePageServer() {
        this("/call-setup/reference.html");
    }

    /** @param resource the page, a resource of the bench such as {@code /file-transfer/reference.html} */
    public ReferencePageServer(String resource) {
        byte[] page = resource(resource);
        try {
            server = HttpServer.create(new InetSocketAddress(FreePorts.LOOPBACK, 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the reference page", e);
        }
        server.createContext("/reference", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/reference";
    }

    static byte[] resource(String name) {
        try (InputStream in = ReferencePageServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the bench jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
