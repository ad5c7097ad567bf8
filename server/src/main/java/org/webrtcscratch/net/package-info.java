/**
 * The bottom layer, shared by TURN, TLS, the command line and (later) the Java peer: this host's interface
 * addresses, HOST[:PORT] parsing, the {@link org.webrtcscratch.net.FiveTuple} that names one transport
 * flow, the {@link org.webrtcscratch.net.UdpEventLoop} that reads datagrams, and the first-byte
 * demultiplexing of a socket that STUN, DTLS and SRTP share ({@link org.webrtcscratch.net.PacketKind},
 * RFC 7983). It depends on nothing else of ours.
 */
package org.webrtcscratch.net;
