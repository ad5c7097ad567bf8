/**
 * What the server needs to know about this host's network, shared by TURN, TLS and the command line, and the
 * first-byte demultiplexing of a socket that STUN, DTLS and SRTP share ({@link org.webrtcscratch.net.PacketKind},
 * RFC 7983), for a peer of our own.
 */
package org.webrtcscratch.net;
