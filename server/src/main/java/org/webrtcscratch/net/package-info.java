/**
 * The bottom layer, shared by TURN, TLS, the command line and (later) the Java peer: this host's interface
 * addresses, HOST[:PORT] parsing, the {@link org.webrtcscratch.net.FiveTuple} that names one transport
 * flow, and the {@link org.webrtcscratch.net.UdpEventLoop} that reads datagrams. It depends on nothing else
 * of ours.
 */
package org.webrtcscratch.net;
