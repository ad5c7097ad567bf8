package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The message table ({@code web/protocol-messages.json}) and the Java side agree both ways: every record is in
 * the table with exactly its fields, every table message has its record, and the codec reads and writes each
 * message as the table describes it. web/test/protocol-schema.test.js holds web/js/protocol.js to the same table.
 */
class ProtocolTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values tried, in order, when a field needs a value of a type it does not take. */
    private static final List<JsonNode> WRONG_VALUES = List.of(JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.numberNode(42), JsonNodeFactory.instance.textNode("x"),
            JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode());

    private final SignalingCodec codec = new SignalingCodec();

    private record Field(Set<String> types, boolean required, JsonNode example) { }

    /** The table's messages in one direction: type to fields by name. */
    private static Map<String, Map<String, Field>> table(String direction) {
        Map<String, Map<String, Field>> messages = new TreeMap<>();
        for (JsonNode message : ProtocolTable.read().path("messages")) {
            if (!message.path("direction").asText().equals(direction)) {
                continue;
            }
            Map<String, Field> fields = new TreeMap<>();
            message.path("fields").properties().forEach(entry -> {
                JsonNode type = entry.getValue().path("type");
                Set<String> types = type.isArray()
                        ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet())
                        : Set.of(type.asText());
                fields.put(entry.getKey(), new Field(types, entry.getValue().path("required").asBoolean(),
                        entry.getValue().path("example")));
            });
            assertThat(messages.put(message.path("type").asText(), fields)).as("listed once").isNull();
        }
        return messages;
    }

    private static String jsonType(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
            default -> value.getNodeType().name();
        };
    }

    private static JsonNode wrongValueFor(Field field) {
        return WRONG_VALUES.stream().filter(v -> !field.types().contains(jsonType(v))).findFirst().orElseThrow();
    }

    private static Set<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    @Test
    void theTableIsWellFormedAndItsExamplesHaveTheirTypes() {
        for (String direction : List.of("client-to-server", "server-to-client")) {
            table(direction).forEach((type, fields) -> fields.forEach((name, field) -> {
                assertThat(field.types()).as(type + "." + name).isNotEmpty()
                        .isSubsetOf("string", "number", "boolean", "object", "array", "null");
                assertThat(field.types()).as(type + "." + name + " example").contains(jsonType(field.example()));
            }));
        }
        assertThat(ProtocolTable.read().path("messages")).allSatisfy(message ->
                assertThat(message.path("direction").asText()).isIn("client-to-server", "server-to-client"));
    }

    @Test
    void everyClientRecordIsATableMessageWithItsFieldsAndBack() throws ReflectiveOperationException {
        Map<String, Map<String, Field>> table = table("client-to-server");
        Map<String, Set<String>> records = new TreeMap<>();
        for (Class<?> record : ClientMessage.class.getPermittedSubclasses()) {
            Object[] nulls = new Object[record.getRecordComponents().length];
            ClientMessage message = (ClientMessage) record.getDeclaredConstructors()[0].newInstance(nulls);
            records.put(message.type(), components(record));
        }
        assertThat(records.keySet()).isEqualTo(table.keySet());
        table.forEach((type, fields) -> assertThat(records.get(type)).as(type).isEqualTo(fields.keySet()));
    }

    @Test
    void theCodecReadsEveryClientMessageAsTheTableDescribesIt() {
        table("client-to-server").forEach((type, fields) -> {
            ClientMessage full = codec.decode(message(type, fields, true).toString());
            assertThat(full.type()).isEqualTo(type);
            for (RecordComponent component : full.getClass().getRecordComponents()) {
                JsonNode example = fields.get(component.getName()).example();
                assertThat(asJson(read(component, full))).as(type + "." + component.getName()).isEqualTo(example);
            }
            ClientMessage minimal = codec.decode(message(type, fields, false).toString());
            fields.forEach((name, field) -> {
                if (!field.required()) {
                    assertThat(component(minimal, name)).as(type + "." + name + " may be left out").isNull();
                    return;
                }
                ObjectNode without = message(type, fields, true);
                without.remove(name);
                assertRefused(without, type + " without " + name);
            });
            fields.forEach((name, field) -> {
                ObjectNode wrong = message(type, fields, true);
                wrong.set(name, wrongValueFor(field));
                assertRefused(wrong, type + " with " + name + " = " + wrong.get(name));
            });
        });
    }

    @Test
    void theCodecReadsNoTypeTheTableDoesNotSendToTheServer() {
        Set<String> serverOnly = new HashSet<>(table("server-to-client").keySet());
        serverOnly.removeAll(table("client-to-server").keySet());
        assertThat(serverOnly).isNotEmpty();
        for (String type : serverOnly) {
            assertThatThrownBy(() -> codec.decode("{\"type\":\"" + type + "\"}")).isInstanceOfSatisfying(
                    SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
        }
    }

    @Test
    void everyServerRecordIsATableMessageWithItsFieldsAndBack() {
        Map<String, Map<String, Field>> table = table("server-to-client");
        Map<String, Set<String>> records = new TreeMap<>();
        for (JsonSubTypes.Type subtype : ServerMessage.class.getAnnotation(JsonSubTypes.class).value()) {
            records.put(subtype.name(), components(subtype.value()));
        }
        assertThat(ServerMessage.class.getPermittedSubclasses()).as("each record has its type name")
                .hasSize(records.size());
        assertThat(records.keySet()).isEqualTo(table.keySet());
        table.forEach((type, fields) -> assertThat(records.get(type)).as(type).isEqualTo(fields.keySet()));
    }

    @Test
    void theCodecWritesEveryServerMessageAsTheTableDescribesIt() throws Exception {
        Map<String, Map<String, Field>> table = table("server-to-client");
        for (JsonSubTypes.Type subtype : ServerMessage.class.getAnnotation(JsonSubTypes.class).value()) {
            Map<String, Field> fields = table.get(subtype.name());
            for (boolean withOptional : List.of(true, false)) {
                JsonNode written = JSON.readTree(codec.encode(instance(subtype.value(), fields, withOptional)));
                assertThat(written.path("type").asText()).isEqualTo(subtype.name());
                Set<String> expected = fields.entrySet().stream()
                        .filter(e -> withOptional || e.getValue().required()).map(Map.Entry::getKey)
                        .collect(Collectors.toCollection(HashSet::new));
                expected.add("type");
                List<String> names = new ArrayList<>();
                written.fieldNames().forEachRemaining(names::add);
                assertThat(names).as(subtype.name()).containsExactlyInAnyOrderElementsOf(expected);
                fields.forEach((name, field) -> {
                    if (written.has(name)) {
                        assertThat(written.get(name)).as(subtype.name() + "." + name).isEqualTo(field.example());
                    }
                });
            }
        }
    }

    /** A message of {@code type} made of the table's examples, the optional fields only if asked. */
    private static ObjectNode message(String type, Map<String, Field> fields, boolean withOptional) {
        ObjectNode message = JSON.createObjectNode().put("type", type);
        fields.forEach((name, field) -> {
            if (withOptional || field.required()) {
                message.set(name, field.example());
            }
        });
        return message;
    }

    /** The record for a server message, built from the table's examples; JSON text where it holds a String. */
    private static ServerMessage instance(Class<?> type, Map<String, Field> fields, boolean withOptional)
            throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Field field = fields.get(components[i].getName());
            if (!withOptional && !field.required()) {
                continue;
            }
            JsonNode example = field.example();
            values[i] = components[i].getType() == String.class && !example.isTextual() ? example.toString()
                    : JSON.convertValue(example, JSON.constructType(components[i].getGenericType()));
        }
        Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return (ServerMessage) type.getDeclaredConstructor(parameters).newInstance(values);
    }

    private void assertRefused(ObjectNode message, String what) {
        assertThatThrownBy(() -> codec.decode(message.toString())).as(what).isInstanceOf(SignalingException.class);
    }

    private static Object component(Object record, String name) {
        return read(Arrays.stream(record.getClass().getRecordComponents()).filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow(), record);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A decoded value as JSON: a relayed payload is JSON text already. */
    private static JsonNode asJson(Object value) {
        try {
            return value instanceof String text && (text.startsWith("{") || text.startsWith("["))
                    ? JSON.readTree(text) : JSON.valueToTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
