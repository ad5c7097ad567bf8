package org.webrtcscratch.turn.allocation;

/**
 * Which relay port an Allocate asks for (RFC 8656 §7.2). EVEN-PORT and RESERVATION-TOKEN together are a
 * 400 (Bad Request) that {@link AllocateRequest#parse} answers before building this, as no value here can
 * express both.
 */
public sealed interface PortRequest permits PortRequest.AnyPort, PortRequest.EvenPort, PortRequest.ReservedPort {

    /** The single {@link AnyPort} value. */
    AnyPort ANY = new AnyPort();

    /** No EVEN-PORT and no RESERVATION-TOKEN: any port of the range. */
    record AnyPort() implements PortRequest {
    }

    /** EVEN-PORT (RFC 8656 §18): an even port, and with the R bit, the next port held for later. */
    record EvenPort(boolean reserveNext) implements PortRequest {
    }

    /** RESERVATION-TOKEN (RFC 8656 §18): the port an earlier EVEN-PORT allocation reserved. */
    record ReservedPort(long token) implements PortRequest {
    }
}
