package org.webrtcscratch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpEventLoopTest {

    private final UdpEventLoop loop = new UdpEventLoop("test-loop", ByteBuffer.allocateDirect(2048),
            Duration.ofMillis(50));
    private final List<DatagramChannel> channels = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws IOException {
        loop.close();
        for (DatagramChannel channel : channels) {
            channel.close();
        }
    }

    @Test
    void readsEachChannelOnTheLoopThreadIntoTheSharedBuffer() throws IOException {
        List<String> read = new CopyOnWriteArrayList<>();
        AtomicBoolean onLoopThread = new AtomicBoolean(true);
        UdpEventLoop.Reader reader = (channel, buffer) -> {
            onLoopThread.compareAndSet(true, loop.isCurrentThread());
            buffer.clear();
            channel.receive(buffer);
            read.add(StandardCharsets.UTF_8.decode(buffer.flip()).toString());
        };
        DatagramChannel a = bound();
        DatagramChannel b = bound();
        loop.register(a, reader);
        loop.register(b, reader);

        send("to a", a);
        send("to b", b);

        await().untilAsserted(() -> assertThat(read).containsExactlyInAnyOrder("to a", "to b"));
        assertThat(onLoopThread).isTrue();
        assertThat(loop.isCurrentThread()).isFalse();
    }

    @Test
    void aFailingReaderDoesNotStopTheLoop() throws IOException {
        List<String> read = new CopyOnWriteArrayList<>();
        DatagramChannel failing = bound();
        DatagramChannel healthy = bound();
        loop.register(failing, (channel, buffer) -> {
            channel.receive(buffer.clear());
            throw new IllegalStateException("a bug in one handler");
        });
        loop.register(healthy, (channel, buffer) -> {
            channel.receive(buffer.clear());
            read.add(StandardCharsets.UTF_8.decode(buffer.flip()).toString());
        });

        send("first", failing);
        send("second", healthy);

        await().untilAsserted(() -> assertThat(read).containsExactly("second"));
    }

    @Test
    void aChannelClosedWhileRegisteredIsDroppedAndTheOthersGoOn() throws IOException {
        List<String> read = new CopyOnWriteArrayList<>();
        UdpEventLoop.Reader reader = (channel, buffer) -> {
            channel.receive(buffer.clear());
            read.add(StandardCharsets.UTF_8.decode(buffer.flip()).toString());
        };
        DatagramChannel closing = bound();
        DatagramChannel staying = bound();
        loop.register(closing, reader);
        loop.register(staying, reader);
        InetSocketAddress closedAddress = (InetSocketAddress) closing.getLocalAddress();

        closing.close();
        // The port is released once the loop has deregistered the closed channel.
        await().until(() -> canBind(closedAddress));
        send("still here", staying);

        await().untilAsserted(() -> assertThat(read).containsExactly("still here"));
    }

    private DatagramChannel bound() throws IOException {
        DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channels.add(channel);
        return channel;
    }

    private static void send(String text, DatagramChannel to) throws IOException {
        try (DatagramChannel sender = DatagramChannel.open()) {
            sender.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), to.getLocalAddress());
        }
    }

    private static boolean canBind(InetSocketAddress address) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
