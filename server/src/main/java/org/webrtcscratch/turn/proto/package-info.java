/**
 * The TURN wire format of RFC 8656, apart from the server logic and allocation state: the TURN attributes
 * (sealed under {@link org.webrtcscratch.turn.proto.TurnAttribute}, which extends the STUN codec's
 * {@code ExtensionAttribute}; see {@code org.webrtcscratch.stun.attr} for why), the decoder that knows them
 * ({@link org.webrtcscratch.turn.proto.TurnCodec#DECODER}), ChannelData messages and the framing of TCP streams.
 *
 * <p>Request attributes whose odd values call for a specific error code (REQUESTED-TRANSPORT: 442,
 * REQUESTED-ADDRESS-FAMILY: 440, CHANNEL-NUMBER out of range: 400) keep their raw numbers, so that the request's
 * parse step (the Allocate's, in {@code turn.allocation}) or the handler sees them and picks the code; malformed
 * layouts are decode errors.
 */
package org.webrtcscratch.turn.proto;
