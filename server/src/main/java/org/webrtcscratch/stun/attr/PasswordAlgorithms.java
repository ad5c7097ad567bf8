package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * PASSWORD-ALGORITHMS, RFC 8489 §14.11: the algorithms a server accepts for the long-term key, in its order of
 * preference; the client echoes the list so that a bid-down by a middlebox shows.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Algorithm 1           | Algorithm 1 Parameters Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Algorithm 1 Parameters (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Algorithm 2           | Algorithm 2 Parameters Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Algorithm 2 Parameters (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             ...
 * </pre>
 */
public record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements Attribute {

    public PasswordAlgorithms {
        algorithms = List.copyOf(algorithms);
        if (algorithms.stream().mapToInt(PasswordAlgorithm::entryLength).sum() > 0xFFFF) {
            throw new IllegalArgumentException("PASSWORD-ALGORITHMS does not fit one attribute");
        }
    }

    public static PasswordAlgorithms of(PasswordAlgorithm... algorithms) {
        return new PasswordAlgorithms(List.of(algorithms));
    }

    /** Entries follow each other; the last one's padding may fall in the attribute's padding instead. */
    public static PasswordAlgorithms decode(AttributeValue value) {
        List<PasswordAlgorithm> algorithms = new ArrayList<>();
        for (int index = 0; index < value.length(); ) {
            PasswordAlgorithm algorithm = PasswordAlgorithm.readAt(value, index);
            algorithms.add(algorithm);
            index += algorithm.entryLength();
        }
        return new PasswordAlgorithms(algorithms);
    }

    @Override
    public int type() {
        return AttributeType.PASSWORD_ALGORITHMS.code();
    }

    @Override
    public int valueLength() {
        return algorithms.stream().mapToInt(PasswordAlgorithm::entryLength).sum();
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        algorithms.forEach(algorithm -> algorithm.writeEntry(out));
    }
}
