package org.webrtcscratch.websocket;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A WebSocket client on a plain socket, so tests can send exactly the bytes they mean, broken ones too. */
final class RawSocket implements AutoCloseable {

    /** A frame as the server sent it; server frames are never masked. */
    record ServerFrame(int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawSocket connect(int port) throws IOException {
        return new RawSocket(new Socket("127.0.0.1", port));
    }

    /**
     * A client that reads slowly, from {@code localAddress} (any 127.x.y.z): its receive window is a few KB, so
     * what the server sends it piles up on the server's side.
     */
    static RawSocket connectSlowReader(int port, String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        return new RawSocket(socket);
    }

    /** Sends a request head as given and returns the response head. */
    String request(String head) throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        while (!response.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the response head: " + response);
            }
            response.write(b);
        }
        return response.toString(StandardCharsets.US_ASCII);
    }

    String upgrade() throws IOException {
        return request(upgradeRequest(""));
    }

    static String upgradeRequest(String extraHeaders) {
        return "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + extraHeaders + "\r\n";
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    ServerFrame read() throws IOException {
        int first = readByte();
        int second = readByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        if ((second & 0x80) != 0) {
            throw new IOException("the server masked a frame");
        }
        return new ServerFrame(first & 0x0F, in.readNBytes((int) length));
    }

    /** True once the server has closed the TCP connection (reads then end). */
    boolean isClosedByServer() throws IOException {
        return in.read() < 0;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed mid-frame");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
