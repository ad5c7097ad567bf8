package org.webrtcscratch.turn.proto;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.webrtcscratch.stun.MessageClass;
import org.webrtcscratch.stun.MessageType;
import org.webrtcscratch.stun.StunMethod;
import org.webrtcscratch.stun.TransactionId;
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

/** Generators for every attribute the codec knows, for the property tests. */
final class CodecArbitraries {

    private CodecArbitraries() {
    }

    static Arbitrary<MessageType> messageTypes() {
        return Combinators.combine(Arbitraries.of(StunMethod.class), Arbitraries.of(MessageClass.class))
                .as(MessageType::of);
    }

    static Arbitrary<TransactionId> transactionIds() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers()).as(TransactionId::new);
    }

    /** Any attribute except the three whose place is fixed (the integrity ones and FINGERPRINT). */
    static Arbitrary<Attribute> bodyAttributes() {
        return Arbitraries.oneOf(List.of(
                addresses().map(MappedAddress::new), addresses().map(XorMappedAddress::new),
                addresses().map(AlternateServer::new),
                text().map(Username::new), text().map(Realm::new), text().map(Nonce::new), text().map(Software::new),
                bytes(32, 32).map(UserHash::new),
                Combinators.combine(Arbitraries.integers().between(300, 699), text()).as(ErrorCode::new),
                Arbitraries.integers().between(0, 0xFFFF).list().ofMaxSize(9).map(UnknownAttributes::new),
                passwordAlgorithms(), passwordAlgorithms().list().ofMaxSize(4).map(PasswordAlgorithms::new),
                Combinators.combine(unknownTypes(), bytes(0, 40)).as(RawAttribute::new),
                turnAttributes()));
    }

    static Arbitrary<MessageIntegrity> messageIntegrities() {
        return bytes(20, 20).map(MessageIntegrity::new);
    }

    static Arbitrary<MessageIntegritySha256> messageIntegritiesSha256() {
        return Arbitraries.integers().between(4, 8).flatMap(words -> bytes(words * 4, words * 4))
                .map(MessageIntegritySha256::new);
    }

    static Arbitrary<Attribute> turnAttributes() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.integers().between(0, 0xFFFF).map(ChannelNumber::new),
                Arbitraries.longs().between(0, Lifetime.MAX_SECONDS).map(Lifetime::new),
                addresses().map(XorPeerAddress::new), addresses().map(XorRelayedAddress::new),
                bytes(0, 100).map(Data::new),
                Arbitraries.integers().between(0, 0xFF).map(RequestedAddressFamily::new),
                Arbitraries.integers().between(0, 0xFF).map(AdditionalAddressFamily::new),
                Arbitraries.of(true, false).map(EvenPort::new),
                Arbitraries.integers().between(0, 0xFF).map(RequestedTransport::new),
                Arbitraries.just(new DontFragment()),
                Arbitraries.longs().map(ReservationToken::new),
                Combinators.combine(Arbitraries.of(AddressFamily.class), Arbitraries.integers().between(300, 699),
                        text()).as((family, code, reason) -> new AddressErrorCode(family, new ErrorCode(code, reason))),
                Combinators.combine(Arbitraries.integers().between(0, 0xFF), Arbitraries.integers().between(0, 0xFF),
                        Arbitraries.integers()).as(Icmp::new)));
    }

    static Arbitrary<ByteString> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(ByteString::wrap);
    }

    private static Arbitrary<InetSocketAddress> addresses() {
        Arbitrary<byte[]> ip = Arbitraries.of(4, 16).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
        return Combinators.combine(ip, Arbitraries.integers().between(0, 0xFFFF))
                .as((bytes, port) -> new InetSocketAddress(address(bytes), port));
    }

    /** Latin, Greek, Cyrillic, kana and CJK: one to three bytes of UTF-8, no surrogates. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '\u07FF').withCharRange('\u3040', '\u9FFF').ofMaxLength(40);
    }

    private static Arbitrary<PasswordAlgorithm> passwordAlgorithms() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), bytes(0, 9)).as(PasswordAlgorithm::new);
    }

    private static Arbitrary<Integer> unknownTypes() {
        return Arbitraries.integers().between(0, 0xFFFF).filter(type -> AttributeType.of(type).isEmpty());
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
