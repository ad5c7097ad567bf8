package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of the signaling decoder, what every text frame of a client reaches:
 * {@link SignalingCodec#decode}. The contract, whatever the text: a message or a {@link SignalingException}
 * with a code and a message, nothing else, and its {@code error} frame is valid JSON. Decoding does not depend
 * on the spelling: the same JSON written again by Jackson (other spacing, escapes, field spans) is decoded to
 * the same message or refused with the same code and words, which holds the token-by-token payload reader to
 * the tree. An accepted {@code signal}'s payload is a JSON object with a kind, and the relayed frame carries
 * exactly that object from the server-set sender.
 *
 * <p>Plain {@code ./mvnw test} runs the inputs kept in {@code SignalingDecoderFuzzTestInputs/} (the messages a
 * client sends, a real Chromium offer and Firefox answer among them; every finding is kept there);
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration} (docs/testing.md).
 */
class SignalingDecoderFuzzTest {

    private static final String FROM = "k2JdYv3sZ9kq0m1aXc7pQe";
    /** Reads numbers exactly, so that writing them again spells the same number (no 1e400 to Infinity). */
    private static final ObjectMapper TREES = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private final SignalingCodec codec = new SignalingCodec();

    @FuzzTest(maxDuration = "10s")
    void anyTextIsDecodedOrRefusedWithACode(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8); // the WebSocket layer hands over valid UTF-8
        Decoded decoded = decode(text);

        JsonNode tree = readTree(text);
        if (tree != null && tree.isObject()) {
            String respelled = TREES.writeValueAsString(tree);
            assertThat(decode(respelled)).as("the same JSON as %s", respelled).isEqualTo(decoded);
        }
        if (decoded.message() instanceof ClientMessage.Signal signal) {
            JsonNode payload = TREES.readTree(signal.payload());
            assertThat(payload.isObject()).isTrue();
            assertThat(codec.signalKind(signal.payload())).isIn("offer", "answer", "pranswer", "rollback",
                    "candidate", "end-of-candidates");
            JsonNode relayed = TREES.readTree(codec.encode(new ServerMessage.Relayed(FROM, signal.payload())));
            assertThat(relayed.path("type").asText()).isEqualTo("signal");
            assertThat(relayed.path("from").asText()).isEqualTo(FROM);
            assertThat(relayed.get("payload")).isEqualTo(payload);
        }
    }

    /**
     * What decoding gave, comparable: a message (a signal's payload as its JSON tree, as the text may be spelled
     * otherwise), or a refusal's code, words and the request it names.
     */
    private record Decoded(Object message, String refusal) { }

    private Decoded decode(String text) throws Exception {
        try {
            ClientMessage message = codec.decode(text);
            assertThat(message.type()).isNotBlank();
            if (message instanceof ClientMessage.Signal signal) {
                return new Decoded(new ClientMessage.Signal(signal.to(), TREES.readTree(signal.payload()).toString(),
                        signal.id()), null);
            }
            return new Decoded(message, null);
        } catch (SignalingException refused) {
            assertThat(refused.code()).isNotNull();
            assertThat(refused.getMessage()).isNotBlank();
            JsonNode error = TREES.readTree(codec.encode(ServerMessage.Error.of(refused)));
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("message").asText()).isEqualTo(refused.getMessage());
            return new Decoded(null, refused.code() + " " + refused.getMessage() + " re " + refused.requestId()
                    + " request " + refused.requestType());
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return TREES.readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }
}
