package org.webrtcscratch.turn.allocation;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.attr.AddressFamily;

/**
 * An authenticated Allocate request, decoded (RFC 8656 §7.2). REQUESTED-TRANSPORT (UDP, else 442) and
 * DONT-FRAGMENT (420 if unsupported) are the handler's to check; ADDITIONAL-ADDRESS-FAMILY (dual
 * allocation) is not supported here, so the handler answers it per §7.2 with ADDRESS-ERROR-CODE 440.
 *
 * @param fiveTuple         where the request came from and to
 * @param username          the USERNAME it authenticated with
 * @param transactionId     its 96-bit transaction ID, to recognise a retransmission (RFC 8489 §6.3.4)
 * @param requestedFamily   REQUESTED-ADDRESS-FAMILY if present; IPv4 when absent
 * @param requestedLifetime LIFETIME if present
 * @param port              EVEN-PORT or RESERVATION-TOKEN, or neither
 */
public record AllocateRequest(FiveTuple fiveTuple, String username, byte[] transactionId,
        Optional<AddressFamily> requestedFamily, Optional<Duration> requestedLifetime, PortRequest port) {

    /** RFC 8489 §5: the transaction ID is 96 bits. */
    public static final int TRANSACTION_ID_LENGTH = 12;

    public AllocateRequest {
        Objects.requireNonNull(fiveTuple, "fiveTuple");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(requestedFamily, "requestedFamily");
        Objects.requireNonNull(requestedLifetime, "requestedLifetime");
        Objects.requireNonNull(port, "port");
        if (transactionId.length != TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("transaction ID must be " + TRANSACTION_ID_LENGTH + " bytes, got "
                    + transactionId.length);
        }
        transactionId = transactionId.clone();
    }

    /** A plain Allocate: any port, IPv4, default lifetime. */
    public static AllocateRequest of(FiveTuple fiveTuple, String username, byte[] transactionId) {
        return new AllocateRequest(fiveTuple, username, transactionId, Optional.empty(), Optional.empty(),
                PortRequest.ANY);
    }

    @Override
    public byte[] transactionId() {
        return transactionId.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllocateRequest that && fiveTuple.equals(that.fiveTuple)
                && username.equals(that.username) && Arrays.equals(transactionId, that.transactionId)
                && requestedFamily.equals(that.requestedFamily) && requestedLifetime.equals(that.requestedLifetime)
                && port.equals(that.port);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fiveTuple, username, Arrays.hashCode(transactionId), requestedFamily,
                requestedLifetime, port);
    }

    @Override
    public String toString() {
        return "Allocate " + HexFormat.of().formatHex(transactionId) + " from " + username + " on " + fiveTuple
                + requestedFamily.map(f -> " family " + f).orElse("")
                + requestedLifetime.map(l -> " lifetime " + l.toSeconds() + "s").orElse("") + " " + port;
    }
}
