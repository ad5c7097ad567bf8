package org.webrtcscratch.turn.proto;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.AlternateServer;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.attr.MappedAddress;
import org.webrtcscratch.stun.attr.MessageIntegrity;
import org.webrtcscratch.stun.attr.MessageIntegritySha256;
import org.webrtcscratch.stun.attr.Nonce;
import org.webrtcscratch.stun.attr.PasswordAlgorithm;
import org.webrtcscratch.stun.attr.PasswordAlgorithms;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.Realm;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.attr.UnknownAttributes;
import org.webrtcscratch.stun.attr.UserHash;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.stun.header.TransactionId;

/** Random values of every attribute and message the codec knows, drawn from a seeded generator. */
final class RandomCodecValues {

    private final RandomGenerator random;

    RandomCodecValues(RandomGenerator random) {
        this.random = random;
    }

    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    boolean coin() {
        return random.nextBoolean();
    }

    byte[] byteArray(int min, int max) {
        byte[] bytes = new byte[between(min, max)];
        random.nextBytes(bytes);
        return bytes;
    }

    ByteString bytes(int min, int max) {
        return ByteString.wrap(byteArray(min, max));
    }

    <T> List<T> listOf(int max, Supplier<T> element) {
        int size = between(0, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    MessageType messageType() {
        return MessageType.of(pick(StunMethod.values()), pick(MessageClass.values()));
    }

    TransactionId transactionId() {
        return new TransactionId(random.nextLong(), random.nextInt());
    }

    /** A message with up to 8 body attributes and, at random, one or both integrity attributes. */
    StunMessage message() {
        List<Attribute> attributes = listOf(8, this::bodyAttribute);
        if (coin()) {
            attributes.add(new MessageIntegrity(bytes(20, 20)));
        }
        if (coin()) {
            int length = 4 * between(4, 8); // truncated SHA-256 HMACs are allowed, in whole words
            attributes.add(new MessageIntegritySha256(bytes(length, length)));
        }
        return new StunMessage(messageType(), transactionId(), attributes);
    }

    /** Any attribute except the three whose place is fixed (the integrity ones and FINGERPRINT). */
    Attribute bodyAttribute() {
        return switch (between(0, 13)) {
            case 0 -> new MappedAddress(address());
            case 1 -> new XorMappedAddress(address());
            case 2 -> new AlternateServer(address());
            case 3 -> new Username(text());
            case 4 -> new Realm(text());
            case 5 -> new Nonce(text());
            case 6 -> new Software(text());
            case 7 -> new UserHash(bytes(32, 32));
            case 8 -> new ErrorCode(between(300, 699), text());
            case 9 -> new UnknownAttributes(listOf(9, () -> between(0, 0xFFFF)));
            case 10 -> passwordAlgorithm();
            case 11 -> new PasswordAlgorithms(listOf(4, this::passwordAlgorithm));
            case 12 -> new RawAttribute(unknownType(), bytes(0, 40));
            default -> turnAttribute();
        };
    }

    Attribute turnAttribute() {
        return switch (between(0, 12)) {
            case 0 -> new ChannelNumber(between(0, 0xFFFF));
            case 1 -> new Lifetime(random.nextLong(0, Lifetime.MAX_SECONDS + 1));
            case 2 -> new XorPeerAddress(address());
            case 3 -> new XorRelayedAddress(address());
            case 4 -> new Data(bytes(0, 100));
            case 5 -> new RequestedAddressFamily(between(0, 0xFF));
            case 6 -> new AdditionalAddressFamily(between(0, 0xFF));
            case 7 -> new EvenPort(coin());
            case 8 -> new RequestedTransport(between(0, 0xFF));
            case 9 -> new DontFragment();
            case 10 -> new ReservationToken(random.nextLong());
            case 11 -> new AddressErrorCode(pick(AddressFamily.values()), new ErrorCode(between(300, 699), text()));
            default -> new Icmp(between(0, 0xFF), between(0, 0xFF), random.nextInt());
        };
    }

    /** An attribute header of a type that is mostly a known one, around a random value. */
    RawAttribute randomValue() {
        int type = between(0, 9) < 9 ? pick(AttributeType.values()).code() : between(0, 0xFFFF);
        return new RawAttribute(type, bytes(0, 40));
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private InetSocketAddress address() {
        try {
            byte[] ip = coin() ? byteArray(4, 4) : byteArray(16, 16);
            return new InetSocketAddress(InetAddress.getByAddress(ip), between(0, 0xFFFF));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Latin, Greek, Cyrillic, kana and CJK: one to three bytes of UTF-8, no surrogates. */
    private String text() {
        int length = between(0, 40);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(coin() ? (char) between(' ', 0x07FF) : (char) between(0x3040, 0x9FFF));
        }
        return text.toString();
    }

    private PasswordAlgorithm passwordAlgorithm() {
        return new PasswordAlgorithm(between(0, 0xFFFF), bytes(0, 9));
    }

    private int unknownType() {
        int type;
        do {
            type = between(0, 0xFFFF);
        } while (AttributeType.of(type).isPresent());
        return type;
    }
}
