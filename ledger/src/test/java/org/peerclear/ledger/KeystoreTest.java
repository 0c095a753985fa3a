package org.peerclear.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
    @TempDir
    Path dir;

    @Test
    void keysSurviveReopeningAndSignForTheLedger() {
        Path file = dir.resolve("keys.pks");
        Keystore k = Keystore.create(file, "secret".toCharArray(), 1000);
        Signer alice = k.generate("alice");
        k.generate("bob");
        Keystore again = Keystore.open(file, "secret".toCharArray());
        assertThat(again.agents()).containsExactly("alice", "bob");
        assertThat(again.publicKey("alice")).isEqualTo(alice.publicKey());
        try (Ledger l = Ledger.open(dir.resolve("l.db"))) {
            l.append(Record.trade("alice", "bob", BigDecimal.ONE, "{}"), again.signer("alice"), again.signer("bob"));
            assertThat(l.verify(again.publicKeys()).ok()).isTrue();
        }
    }

    @Test
    void manyKeysAreGeneratedInOneWriteAndARepeatIsRefusedWithoutStoringAny() {
        Path file = dir.resolve("keys.pks");
        Keystore k = Keystore.create(file, "secret".toCharArray(), 1000);
        java.util.Map<String, Signer> made = k.generateAll(java.util.List.of("c", "a", "b"));
        assertThat(made.keySet()).containsExactly("c", "a", "b");
        Keystore again = Keystore.open(file, "secret".toCharArray());
        assertThat(again.agents()).containsExactlyInAnyOrder("a", "b", "c");
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        for (String a : java.util.List.of("a", "b", "c")) {
            assertThat(again.publicKey(a)).isEqualTo(made.get(a).publicKey());
            assertThat(again.signer(a).sign(message)).isEqualTo(made.get(a).sign(message)); // Ed25519 is deterministic
        }
        assertThatThrownBy(() -> k.generateAll(java.util.List.of("d", "a"))).isInstanceOf(LedgerException.class)
                .hasMessageContaining("agent a has a key already");
        assertThatThrownBy(() -> k.generateAll(java.util.List.of("e", "e"))).isInstanceOf(LedgerException.class);
        assertThat(Keystore.open(file, "secret".toCharArray()).agents()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aWrongPasswordOrAnAlteredKeyIsRefused() throws Exception {
        Path file = dir.resolve("keys.pks");
        Keystore.create(file, "secret".toCharArray(), 1000).generate("alice");
        assertThatThrownBy(() -> Keystore.open(file, "guess".toCharArray())).isInstanceOf(LedgerException.class)
                .hasMessageContaining("wrong password");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("key alice ", "key mallory "), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Keystore.open(file, "secret".toCharArray())).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> Keystore.create(file, "x".toCharArray())).isInstanceOf(LedgerException.class);
        assertThat(text).startsWith("peerclear-keystore 1\nkdf PBKDF2WithHmacSHA256 1000 ");
    }
}
