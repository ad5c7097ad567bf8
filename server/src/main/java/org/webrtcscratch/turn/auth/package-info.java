/**
 * The long-term credential mechanism (RFC 8489 §9.2) as the TURN server uses it.
 *
 * <ul>
 *   <li>{@link org.webrtcscratch.turn.auth.CredentialStore}: USERNAME to
 *       {@link org.webrtcscratch.turn.auth.LongTermKey}. {@link org.webrtcscratch.turn.auth.StaticCredentials}
 *       holds {@code --turn-user} entries; {@link org.webrtcscratch.turn.auth.RestApiCredentials} checks
 *       time-limited TURN REST API usernames that
 *       {@link org.webrtcscratch.turn.auth.TurnCredentialIssuer} mints for the signaling server;
 *       {@link org.webrtcscratch.turn.auth.CredentialStore#firstOf} combines stores.</li>
 *   <li>{@link org.webrtcscratch.turn.auth.NonceManager}: stateless nonces bound to the client IP, checked
 *       to VALID, STALE (438) or INVALID (401).</li>
 *   <li>{@link org.webrtcscratch.turn.auth.UnauthorizedLimiter}: at most N 401 answers per source and
 *       window, in bounded memory.</li>
 * </ul>
 *
 * A handler's order for a request that needs authentication: no MESSAGE-INTEGRITY → 401 with REALM and a
 * fresh NONCE (if the limiter allows); NONCE not VALID → 438 or 401; unknown USERNAME → 401; then check
 * MESSAGE-INTEGRITY with the key (RFC 8489 §9.2.4). Every class here is thread-safe and takes time from an
 * injected {@link java.time.InstantSource}.
 */
package org.webrtcscratch.turn.auth;
