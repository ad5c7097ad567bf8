package org.webrtcscratch.turn.server;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.MessageClass;

/**
 * Encodes responses the way RFC 8489 wants them finished: ERROR-CODE first in error responses, SOFTWARE when
 * configured, MESSAGE-INTEGRITY(-SHA256) with the request's key when it authenticated (the variant(s) the
 * request used, §9.2.4), FINGERPRINT when the request had one (§7.3).
 *
 * <p>Responses to requests that did not authenticate (Binding, challenges, refusals of bad requests) can be
 * sent to a forged source address, so they are kept within {@link #AMPLIFICATION_FACTOR} times the request's
 * size by shedding, in turn: SOFTWARE, the specific reason phrase (the registry's is kept), any reason phrase,
 * FINGERPRINT. What is left is the answer itself and goes out even if larger: a 20-byte Binding request from
 * IPv6 gets its 44-byte XOR-MAPPED-ADDRESS answer, and 401/438 carry REALM and NONCE (the
 * {@code UnauthorizedLimiter} bounds those instead).
 */
final class Responses {

    /** Unauthenticated answers are at most this many times the request's size, where possible. */
    static final int AMPLIFICATION_FACTOR = 2;
    /** RFC 8489 §14.8: the reason phrase "MUST be fewer than 128 characters". */
    private static final int MAX_REASON_CHARACTERS = 127;
    /** Shedding steps for unauthenticated answers, see the class comment. */
    private static final int FULL = 0;
    private static final int NO_SOFTWARE = 1;
    private static final int REGISTRY_REASON = 2;
    private static final int NO_REASON = 3;
    private static final int NO_FINGERPRINT = 4;

    private final Optional<Software> software;

    Responses(Optional<String> software) {
        this.software = software.filter(s -> !s.isBlank()).map(Software::new);
    }

    ByteBuffer success(Exchange exchange, List<Attribute> attributes) {
        return encode(exchange, null, null, attributes);
    }

    ByteBuffer error(Exchange exchange, StunErrorCode code, String reason, List<Attribute> attributes) {
        return encode(exchange, code, reason, attributes);
    }

    private ByteBuffer encode(Exchange exchange, StunErrorCode code, String reason, List<Attribute> attributes) {
        if (exchange.credentials().isPresent()) {
            return ByteBuffer.wrap(encoder(exchange, code, reason, attributes, FULL).toBytes());
        }
        int budget = AMPLIFICATION_FACTOR * exchange.request().bytes().length;
        StunEncoder encoder = encoder(exchange, code, reason, attributes, FULL);
        for (int step = NO_SOFTWARE; step <= NO_FINGERPRINT && encoder.encodedLength() > budget; step++) {
            encoder = encoder(exchange, code, reason, attributes, step);
        }
        return ByteBuffer.wrap(encoder.toBytes());
    }

    private StunEncoder encoder(Exchange exchange, StunErrorCode code, String reason, List<Attribute> attributes,
            int shed) {
        MessageClass messageClass = code == null ? MessageClass.SUCCESS_RESPONSE : MessageClass.ERROR_RESPONSE;
        StunEncoder encoder = StunEncoder.of(exchange.message().type().withClass(messageClass),
                exchange.message().transactionId());
        if (code != null) {
            String phrase = shed >= NO_REASON ? "" : shed >= REGISTRY_REASON ? code.reason() : shorten(reason);
            encoder.add(new ErrorCode(code.code(), phrase));
        }
        encoder.addAll(attributes);
        if (shed < NO_SOFTWARE) {
            software.ifPresent(encoder::add);
        }
        exchange.credentials().ifPresent(who -> {
            if (exchange.request().hasIntegrity()) {
                encoder.messageIntegrity(who.key());
            }
            if (exchange.request().hasIntegritySha256()) {
                encoder.messageIntegritySha256(who.key());
            }
        });
        if (shed < NO_FINGERPRINT && exchange.message().has(Fingerprint.class)) {
            encoder.fingerprint();
        }
        return encoder;
    }

    /** Rejection reasons are short; decode errors can run long. */
    private static String shorten(String reason) {
        return reason.codePointCount(0, reason.length()) <= MAX_REASON_CHARACTERS ? reason
                : reason.substring(0, reason.offsetByCodePoints(0, MAX_REASON_CHARACTERS));
    }
}
