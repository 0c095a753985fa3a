package org.peerclear.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystorePublicKeysTest {
    @TempDir
    Path dir;

    @Test
    void readsTheSameKeysAsTheKeystoreWithoutThePassword() {
        Path file = dir.resolve("keys.pks");
        Keystore k = Keystore.create(file, "secret".toCharArray(), 1000);
        Signer alice = k.generate("alice");
        Signer bob = k.generate("bob");
        assertThat(KeystorePublicKeys.read(file)).isEqualTo(k.publicKeys()).containsKeys("alice", "bob");
        try (Ledger l = Ledger.open(dir.resolve("l.db"))) {
            l.append(Record.trade("alice", "bob", BigDecimal.TEN, "{}"), alice, bob);
            assertThat(l.verify(KeystorePublicKeys.read(file)).ok()).isTrue();
            // Keys of another keystore under the same names do not verify the same records.
            Path other = dir.resolve("other.pks");
            Keystore o = Keystore.create(other, "secret".toCharArray(), 1000);
            o.generate("alice");
            VerifyReport r = l.verify(KeystorePublicKeys.read(other));
            assertThat(r.ok()).isFalse();
            assertThat(r.reason()).contains("not alice's");
        }
    }

    @Test
    void aFileThatIsNotAKeystoreOrHasABadKeyIsRefused() throws Exception {
        Path file = dir.resolve("keys.pks");
        Keystore.create(file, "secret".toCharArray(), 1000).generate("alice");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path notOne = Files.writeString(dir.resolve("x.pks"), "hello\n");
        assertThatThrownBy(() -> KeystorePublicKeys.read(notOne)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("not a PeerClear keystore");
        String[] f = text.lines().filter(l -> l.startsWith("key ")).findFirst().orElseThrow().split(" ");
        Path bad = Files.writeString(dir.resolve("bad.pks"), text.replace(f[2], "AAAA" + f[2].substring(4)));
        assertThatThrownBy(() -> KeystorePublicKeys.read(bad)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("bad public key of alice");
        assertThatThrownBy(() -> KeystorePublicKeys.read(dir.resolve("missing.pks"))).isInstanceOf(LedgerException.class)
                .hasMessageContaining("cannot read keystore");
    }
}
