/** What the server needs to know about this host's network, shared by TURN, TLS and the command line. */
package org.webrtcscratch.net;
