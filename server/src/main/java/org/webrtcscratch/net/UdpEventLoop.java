package org.webrtcscratch.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event loop for UDP: one platform thread on one selector, and one buffer it lends to whichever
 * registered channel is readable. Whatever the handler does with a datagram (answer it, relay it) happens
 * on this thread, with no hand-off, so a server spreads its sockets over a few loops rather than threads
 * over its sockets. The loop knows nothing of what it reads; TURN's relay and (later) the Java peer's ICE
 * agent are its users.
 */
public final class UdpEventLoop implements AutoCloseable {

    /** What to do when a registered channel has datagrams waiting. */
    @FunctionalInterface
    public interface Reader {
        /**
         * Reads what {@code channel} has (as much as it likes) into the loop's {@code buffer}, whose position
         * and limit are the reader's to set. A {@link ClosedChannelException} unregisters the channel; any
         * other exception is logged and the loop goes on.
         */
        void read(DatagramChannel channel, ByteBuffer buffer) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(UdpEventLoop.class);

    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer buffer;
    private final long wakeUpMillis;

    /**
     * Starts the loop's thread.
     *
     * @param name   the thread's name
     * @param buffer the buffer every read borrows (a direct one saves the JDK a copy per datagram)
     * @param wakeUp how often an idle loop wakes up anyway: a channel closed while registered is only released
     *               when its selector next wakes (the JDK defers the close until the key is deregistered)
     */
    public UdpEventLoop(String name, ByteBuffer buffer, Duration wakeUp) {
        this.buffer = buffer;
        this.wakeUpMillis = Math.max(1, wakeUp.toMillis());
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for " + name, e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
        thread.start();
    }

    /** True on the loop's own thread, where a handler runs. */
    public boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    /** Makes {@code channel} non-blocking and has {@code reader} read it whenever it is readable. */
    public void register(DatagramChannel channel, Reader reader) throws IOException {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, reader);
        if (!isCurrentThread()) {
            selector.wakeup();
        }
    }

    private void run() {
        try {
            Consumer<SelectionKey> ready = this::ready;
            while (selector.isOpen()) {
                selector.select(ready, wakeUpMillis);
            }
        } catch (ClosedSelectorException e) {
            // close() ended the loop.
        } catch (IOException | RuntimeException e) {
            LOG.error("event loop {} stopped", thread.getName(), e);
        }
    }

    private void ready(SelectionKey key) {
        try {
            ((Reader) key.attachment()).read((DatagramChannel) key.channel(), buffer);
        } catch (ClosedChannelException e) {
            key.cancel();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} kept going after: {}", thread.getName(), e.toString());
        }
    }

    /** Stops the loop; the channels stay open (their owners close them). */
    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing selector: {}", e.toString());
        }
    }
}
