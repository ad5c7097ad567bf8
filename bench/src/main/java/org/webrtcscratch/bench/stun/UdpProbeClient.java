package org.webrtcscratch.bench.stun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import org.webrtcscratch.bench.stats.LatencyHistogram;

/**
 * Windowed request/answer load over UDP: every session (one connected socket) keeps {@code window} probes
 * outstanding and sends the next as soon as one is answered, so the rate follows the server. A probe not
 * answered within the timeout counts as lost and is replaced. One thread, one selector.
 */
public final class UdpProbeClient {

    /** Outstanding probes tracked per session; a probe older than this many sends is declared lost. */
    private static final int RING = 4096;
    private static final long SCAN_INTERVAL_NANOS = 50_000_000;

    /** What one run measured. */
    public record Result(long answered, long lost, double seconds, LatencyHistogram latency) {

        public double perSecond() {
            return answered / seconds;
        }
    }

    private final List<DatagramChannel> channels;
    private final Probe probe;
    private final int window;
    private final long timeoutNanos;

    public UdpProbeClient(List<DatagramChannel> channels, Probe probe, int window, Duration timeout) {
        if (window < 1 || window > RING / 2) {
            throw new IllegalArgumentException("window must be 1–" + RING / 2 + ": " + window);
        }
        this.channels = channels;
        this.probe = probe;
        this.window = window;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Per-session bookkeeping: send times by sequence number, in a ring. */
    private static final class Session {
        final int id;
        final DatagramChannel channel;
        final long[] sentAt = new long[RING];
        final long[] seqAt = new long[RING];
        final byte[] packet = new byte[1500];
        final ByteBuffer out = ByteBuffer.wrap(packet);
        long nextSeq;
        long oldest;
        int outstanding;

        Session(int id, DatagramChannel channel) {
            this.id = id;
            this.channel = channel;
            java.util.Arrays.fill(seqAt, -1);
        }
    }

    /** Runs {@code warmup} unmeasured, then {@code measure}; every loop is bounded by those two durations. */
    public Result run(Duration warmup, Duration measure) {
        LatencyHistogram latency = new LatencyHistogram();
        byte[] in = new byte[2048];
        ByteBuffer inBuffer = ByteBuffer.wrap(in);
        try (Selector selector = Selector.open()) {
            Session[] sessions = new Session[channels.size()];
            for (int i = 0; i < sessions.length; i++) {
                DatagramChannel channel = channels.get(i);
                channel.configureBlocking(false);
                sessions[i] = new Session(i, channel);
                channel.register(selector, SelectionKey.OP_READ, sessions[i]);
            }
            for (Session session : sessions) {
                for (int i = 0; i < window; i++) {
                    send(session, System.nanoTime());
                }
            }
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + measure.toNanos();
            long[] answered = {0};
            long[] lost = {0};
            long nextScan = start + SCAN_INTERVAL_NANOS;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                selector.select(key -> {
                    Session session = (Session) key.attachment();
                    try {
                        for (int reads = 0; reads < 64; reads++) {
                            inBuffer.clear();
                            int length = session.channel.read(inBuffer);
                            if (length <= 0) {
                                break;
                            }
                            long received = System.nanoTime();
                            long seq = probe.answeredSeq(in, length, session.id);
                            int slot = (int) (seq & (RING - 1));
                            if (seq < 0 || session.seqAt[slot] != seq) {
                                continue; // a late answer to a probe already declared lost, or not ours
                            }
                            session.seqAt[slot] = -1;
                            session.outstanding--;
                            if (received >= measureFrom && received < end) {
                                answered[0]++;
                                latency.recordNanos(received - session.sentAt[slot]);
                            }
                            send(session, received);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("session " + session.id + " read failed", e);
                    }
                }, 10);
                now = System.nanoTime();
                if (now >= nextScan) {
                    nextScan = now + SCAN_INTERVAL_NANOS;
                    for (Session session : sessions) {
                        long expired = expire(session, now);
                        if (now >= measureFrom) {
                            lost[0] += expired;
                        }
                    }
                }
            }
            return new Result(answered[0], lost[0], measure.toNanos() / 1e9, latency);
        } catch (IOException e) {
            throw new UncheckedIOException("UDP load failed", e);
        }
    }

    /** Declares probes older than the timeout lost and sends replacements; returns how many. */
    private long expire(Session session, long now) throws IOException {
        long expired = 0;
        for (long seq = session.oldest; seq < session.nextSeq; seq++) {
            int slot = (int) (seq & (RING - 1));
            if (session.seqAt[slot] != seq) {
                if (seq == session.oldest) {
                    session.oldest++;
                }
                continue;
            }
            boolean tooOld = now - session.sentAt[slot] > timeoutNanos || session.nextSeq - seq >= RING - window;
            if (!tooOld) {
                break;
            }
            session.seqAt[slot] = -1;
            session.outstanding--;
            expired++;
            if (seq == session.oldest) {
                session.oldest++;
            }
        }
        while (session.outstanding < window) {
            send(session, now);
        }
        return expired;
    }

    private void send(Session session, long now) throws IOException {
        long seq = session.nextSeq++;
        int slot = (int) (seq & (RING - 1));
        session.seqAt[slot] = seq;
        session.sentAt[slot] = now;
        session.outstanding++;
        int length = probe.write(session.packet, session.id, seq);
        session.out.clear().limit(length);
        session.channel.write(session.out);
    }
}
