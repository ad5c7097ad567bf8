/**
 * The ICE servers (STUN and TURN URLs, with short-lived TURN credentials) handed to each browser in its
 * {@code welcome}: a package of its own so that signaling needs no TURN and configuration no signaling.
 */
package org.webrtcscratch.iceservers;
