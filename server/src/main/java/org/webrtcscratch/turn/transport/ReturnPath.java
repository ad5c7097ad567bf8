package org.webrtcscratch.turn.transport;

import org.webrtcscratch.net.FiveTuple;

/**
 * How to reach the client a message came from. Asked only when there is something to send back, so relayed
 * ChannelData, which is never answered, builds no {@link ClientSink}.
 */
@FunctionalInterface
interface ReturnPath {

    ClientSink to(FiveTuple client);
}
