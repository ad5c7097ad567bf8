/**
 * What the STUN/TURN server did, as {@link org.webrtcscratch.turn.event.TurnEvent}s into a
 * {@link org.webrtcscratch.turn.event.TurnEventSink} (as pion/turn's {@code EventHandler}): allocations made,
 * refreshed, expired and deleted, permissions, channel bindings, and refused requests. The allocation state and
 * the handler emit; {@code TurnStats}, the logs and the Behind-the-Scenes view subscribe through
 * {@link org.webrtcscratch.turn.event.TurnEvents}. This package depends on nothing of the server but the values
 * its events carry.
 */
package org.webrtcscratch.turn.event;
