/**
 * The STUN header of RFC 8489 §5 (message type, magic cookie, transaction ID) and the decode error that
 * names where a message failed: the layer that both attributes (XOR addresses need the cookie and the
 * transaction ID) and whole messages build on, so that {@code stun.attr} never depends on {@code stun}.
 */
package org.webrtcscratch.stun.header;
