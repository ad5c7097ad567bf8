package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The byte stream under a {@link TcpConnection}: a plain TCP socket, or TLS over one (RFC 8656 §3.1, TURN over
 * TLS: the same framing inside). Blocking; read on one thread, written on another. {@link #close} closes the
 * TCP socket itself, at once, so that it never waits behind a write stuck on a client that does not read (TLS
 * then sends no close_notify, which a dropped client does not get anyway).
 */
sealed interface StreamIo permits StreamIo.Plain, StreamIo.Tls {

    /** Reads into the buffer's remaining space; -1 at the end of the stream. */
    int read(ByteBuffer into) throws IOException;

    /** Writes all of the buffer's remaining bytes. */
    void write(ByteBuffer from) throws IOException;

    void close();

    static StreamIo plain(SocketChannel channel) {
        return new Plain(channel);
    }

    /** TLS as a server over {@code channel}; the handshake happens on the first read. */
    static StreamIo tls(SocketChannel channel, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(channel.socket(), null,
                channel.socket().getPort(), true);
        socket.setUseClientMode(false);
        return new Tls(channel, socket.getInputStream(), socket.getOutputStream());
    }

    record Plain(SocketChannel channel) implements StreamIo {

        @Override
        public int read(ByteBuffer into) throws IOException {
            return channel.read(into);
        }

        @Override
        public void write(ByteBuffer from) throws IOException {
            while (from.hasRemaining()) {
                channel.write(from);
            }
        }

        @Override
        public void close() {
            Sockets.closeQuietly(channel);
        }
    }

    /** Heap buffers only: TcpConnection's are. */
    record Tls(SocketChannel channel, InputStream in, OutputStream out) implements StreamIo {

        @Override
        public int read(ByteBuffer into) throws IOException {
            int read = in.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
            if (read > 0) {
                into.position(into.position() + read);
            }
            return read;
        }

        @Override
        public void write(ByteBuffer from) throws IOException {
            out.write(from.array(), from.arrayOffset() + from.position(), from.remaining());
            out.flush();
            from.position(from.limit());
        }

        @Override
        public void close() {
            Sockets.closeQuietly(channel);
        }
    }
}
