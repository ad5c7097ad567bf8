package org.webrtcscratch.signaling;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The peers of this process and their live connections, by peer id; see {@link Mailbox}. */
public final class Mailboxes implements Delivery {

    private final ConcurrentMap<String, Mailbox> byPeerId = new ConcurrentHashMap<>();
    private final HeldBacklog held;

    /** @param held the budget of the bytes held for peers that are away */
    public Mailboxes(HeldBacklog held) {
        this.held = held;
    }

    /** With no bound on held bytes beyond {@link Mailbox#MAX_HELD} messages a peer. */
    public Mailboxes() {
        this(new HeldBacklog(bytes -> true, bytes -> { }));
    }

    /** The bytes held for peers that are away, and what did not fit. */
    public HeldBacklog held() {
        return held;
    }

    @Override
    public void open(Peer peer, Session session) {
        byPeerId.put(peer.peerId(), new Mailbox(peer, session, held));
    }

    @Override
    public Outcome send(String peerId, String text) {
        Mailbox mailbox = byPeerId.get(peerId);
        return mailbox == null ? Outcome.GONE : mailbox.send(text);
    }

    @Override
    public boolean away(Peer peer, Session from, Supplier<SignalingClock.Timer> startResumeWindow) {
        Mailbox mailbox = byPeerId.get(peer.peerId());
        return mailbox != null && mailbox.detach(from, startResumeWindow);
    }

    @Override
    public int resume(Peer peer, Session to, String welcome) {
        Mailbox mailbox = byPeerId.get(peer.peerId());
        return mailbox == null ? -1 : mailbox.attach(to, welcome);
    }

    @Override
    public boolean retire(Peer peer) {
        return retire(peer, Mailbox::retire);
    }

    @Override
    public boolean retireIfAway(Peer peer) {
        return retire(peer, Mailbox::retireIfAway);
    }

    private boolean retire(Peer peer, Predicate<Mailbox> retired) {
        Mailbox mailbox = byPeerId.get(peer.peerId());
        return mailbox != null && retired.test(mailbox) && byPeerId.remove(peer.peerId(), mailbox);
    }
}
