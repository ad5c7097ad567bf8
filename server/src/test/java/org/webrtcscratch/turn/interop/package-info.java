/**
 * Interop tests: real third-party STUN/TURN clients against our server, tagged {@code interop}.
 *
 * <ul>
 *   <li>coturn's {@code turnutils_stunclient} (mapped address) and {@code turnutils_uclient} with
 *       {@code turnutils_peer} (relaying over UDP and TCP, channels and Send indications, static and REST
 *       credentials, IPv6), from Debian's {@code coturn} package;</li>
 *   <li>aioice, the ICE library of Python's aiortc ({@code python3-aioice}), through
 *       {@code src/test/resources/interop/aioice_turn.py};</li>
 *   <li>Chromium, in {@code org.webrtcscratch.e2e.TurnRelayBrowserTest}.</li>
 * </ul>
 *
 * A missing program skips its tests, except with {@code CI=true}, where it fails them. Each external process
 * has a time limit and is killed, with its children, when its test is done. The parsers of the clients'
 * output are tested on output captured from the real programs ({@code src/test/resources/interop/samples/}).
 *
 * <p>{@code -Dinterop.target=coturn} runs the same tests against coturn's own {@code turnserver} (started
 * on free ports): a test that fails against our server but passes against coturn has found a difference
 * between the two.
 */
package org.webrtcscratch.turn.interop;
