/**
 * The TURN server's side of a call, shown to the peer that observes it (Behind the Scenes, docs/protocol.md):
 * {@link org.webrtcscratch.backstage.TurnBackstage} is signaling's
 * {@link org.webrtcscratch.signaling.Backstage} for this process's own TURN server. It subscribes to the TURN
 * events only while a peer watches, keeps only the allocations made with that peer's own credentials, and reads
 * their relay counters once a second. This package is the one seam between signaling and TURN, which know
 * nothing of each other; {@code ScratchServer} plugs it in.
 */
package org.webrtcscratch.backstage;
