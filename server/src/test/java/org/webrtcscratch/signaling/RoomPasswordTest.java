package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** Room passwords are kept as salted PBKDF2 hashes and checked against them. */
class RoomPasswordTest {

    @Test
    void theRightPasswordMatchesAndOthersDoNot() {
        RoomPassword password = RoomPassword.of("correct horse");
        assertThat(password.matches("correct horse")).isTrue();
        assertThat(password.matches("correct horse ")).isFalse();
        assertThat(password.matches("Correct horse")).isFalse();
        assertThat(password.matches("")).isFalse();
    }

    @Test
    void thePasswordItselfIsNotKeptAndEachHashHasItsOwnSalt() throws ReflectiveOperationException {
        RoomPassword first = RoomPassword.of("same");
        RoomPassword second = RoomPassword.of("same");
        assertThat(bytes(first, "salt")).isNotEqualTo(bytes(second, "salt"));
        assertThat(bytes(first, "hash")).hasSize(32).isNotEqualTo(bytes(second, "hash"));
        for (Field field : RoomPassword.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            assertThat(field.getType()).as(field.getName()).isNotIn(String.class, char[].class);
        }
    }

    private static byte[] bytes(RoomPassword password, String name) throws ReflectiveOperationException {
        Field field = RoomPassword.class.getDeclaredField(name);
        field.setAccessible(true);
        return (byte[]) field.get(password);
    }

    @Test
    void aJoinMessageShowsNoSecretWhenPrinted() {
        String shown = new ClientMessage.Join("r", "Alice", "resume-secret", "open sesame", "h.p.s", null).toString();
        assertThat(shown).contains("Alice").doesNotContain("resume-secret", "open sesame", "h.p.s");
    }
}
