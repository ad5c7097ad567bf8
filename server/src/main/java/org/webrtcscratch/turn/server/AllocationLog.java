package org.webrtcscratch.turn.server;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.turn.event.TurnEvent;
import org.webrtcscratch.turn.event.TurnEventSink;

/**
 * One info line when an allocation is made and one when it ends, each with the allocation's 5-tuple as its
 * connection id ({@code conn}) and the client's address ({@code source}, which the per-address log limit counts
 * by). The username is said (a REST one is {@code expiry:peerId}, which ties the allocation to a call's peer),
 * never a password or key.
 */
public final class AllocationLog implements TurnEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(AllocationLog.class);

    @Override
    public void on(TurnEvent event) {
        switch (event) {
            case TurnEvent.Allocated allocated -> line(allocated.fiveTuple())
                    .addKeyValue("user", allocated.username())
                    .log("allocation {} made for {}: relayed address {}, lifetime {} s", allocated.fiveTuple(),
                            allocated.username(), allocated.relayedAddress(), allocated.lifetime().toSeconds());
            case TurnEvent.Expired expired -> line(expired.fiveTuple()).addKeyValue("user", expired.username())
                    .log("allocation {} of {} expired", expired.fiveTuple(), expired.username());
            case TurnEvent.Deleted deleted -> line(deleted.fiveTuple()).addKeyValue("user", deleted.username())
                    .log("allocation {} of {} deleted ({})", deleted.fiveTuple(), deleted.username(),
                            deleted.cause().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            default -> { }
        }
    }

    private static LoggingEventBuilder line(FiveTuple fiveTuple) {
        return LOG.atInfo().addKeyValue("conn", fiveTuple.toString())
                .addKeyValue("source", fiveTuple.client().getAddress().getHostAddress());
    }
}
