/**
 * The STUN codec of RFC 8489: bytes in, values out, no sockets, clocks or threads.
 *
 * <p>Decoding: {@link org.webrtcscratch.stun.StunDecoder} turns one message's bytes into a
 * {@link org.webrtcscratch.stun.DecodedMessage} (the {@link org.webrtcscratch.stun.StunMessage} record plus the
 * original bytes and the offsets of MESSAGE-INTEGRITY(-SHA256)), or throws
 * {@link org.webrtcscratch.stun.header.StunDecodeException} saying where and why; no other exception escapes for any
 * input. When the header was sound the exception carries it, so a request with a bad body can get a 400.
 * Unknown comprehension-required attributes are kept as {@code RawAttribute}s and listed by
 * {@link org.webrtcscratch.stun.StunMessage#unknownComprehensionRequired()} for a 420.
 *
 * <p>Encoding: {@link org.webrtcscratch.stun.StunEncoder} appends attributes, then computes MESSAGE-INTEGRITY,
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT over what precedes them, into a {@code byte[]} or a
 * {@code ByteBuffer}.
 *
 * <p>Authentication helpers: {@link org.webrtcscratch.stun.Integrity} verifies HMACs over the received bytes in
 * constant time; {@link org.webrtcscratch.stun.IntegrityKeys} derives short-term and long-term (MD5, SHA-256)
 * keys and USERHASH, preparing strings with {@link org.webrtcscratch.stun.Saslprep}, an approximation of
 * SASLprep/OpaqueString described there.
 */
package org.webrtcscratch.stun;
