package org.webrtcscratch.turn.allocation;

/** What {@link AllocateRequest#parse} makes of an Allocate: a request for the manager, or the error to answer. */
public sealed interface ParsedAllocate permits ParsedAllocate.Valid, Rejection {

    /**
     * @param ipv6Declined ADDITIONAL-ADDRESS-FAMILY asked for an IPv6 address as well; this server makes no dual
     *                     allocations, so RFC 8656 §7.2 has it allocate IPv4 alone and say why in
     *                     ADDRESS-ERROR-CODE
     */
    record Valid(AllocateRequest request, boolean ipv6Declined) implements ParsedAllocate {
    }
}
