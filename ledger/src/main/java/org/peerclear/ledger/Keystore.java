package org.peerclear.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A password-protected file of agents' Ed25519 key pairs.
 *
 * <h2>File format</h2>
 * UTF-8 text, one item per line:
 * <pre>
 * peerclear-keystore 1
 * kdf PBKDF2WithHmacSHA256 ITERATIONS SALT
 * key AGENT PUBLIC IV CIPHERTEXT
 * ...
 * </pre>
 * {@code SALT} (16 random bytes), {@code PUBLIC} (the X.509 encoding of the public key), {@code IV}
 * (12 random bytes, fresh for every key) and {@code CIPHERTEXT} are base64. The file's AES-256 key is
 * derived from the password by PBKDF2 with HMAC-SHA-256 ({@code ITERATIONS}, 210 000 by default)
 * over the salt; each private key's PKCS#8 encoding is encrypted with AES/GCM (128-bit tag) under that
 * key with the agent's identifier and public key as additional authenticated data, so a wrong password,
 * a changed byte or a key moved to another agent fails to decrypt. Public keys are readable without
 * decrypting. (PKCS#12 would need a certificate per Ed25519 key, which the JDK cannot issue without
 * internal APIs; this format uses only {@code javax.crypto}.) The file is rewritten atomically (a
 * temporary file moved into place) when a key is added.
 */
public final class Keystore {
    private static final String HEADER = "peerclear-keystore 1";
    private static final int DEFAULT_ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENC = Base64.getEncoder();
    private static final Base64.Decoder DEC = Base64.getDecoder();

    private final Path file;
    private final int iterations;
    private final byte[] salt;
    private final SecretKey key;
    private final Map<String, String[]> entries = new TreeMap<>();

    private Keystore(Path file, int iterations, byte[] salt, char[] password) {
        this.file = file;
        this.iterations = iterations;
        this.salt = salt.clone();
        this.key = derive(password, salt, iterations);
    }

    /**
     * Creates an empty keystore file.
     *
     * @param file where to write it; must not exist
     * @param password the password that protects the private keys
     * @return the keystore
     */
    public static Keystore create(Path file, char[] password) {
        return create(file, password, DEFAULT_ITERATIONS);
    }

    /**
     * Creates an empty keystore file with a chosen PBKDF2 iteration count (fewer for tests).
     *
     * @param file where to write it; must not exist
     * @param password the password
     * @param iterations the PBKDF2 iteration count, at least 1000
     * @return the keystore
     */
    public static Keystore create(Path file, char[] password, int iterations) {
        if (Files.exists(file)) {
            throw new LedgerException("keystore exists already: " + file);
        }
        if (iterations < 1000) {
            throw new IllegalArgumentException("at least 1000 PBKDF2 iterations");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Keystore k = new Keystore(file, iterations, salt, password);
        k.save();
        return k;
    }

    /**
     * Opens a keystore file; the password is checked against the first key, if any.
     *
     * @param file the keystore
     * @param password its password
     * @return the keystore
     * @throws LedgerException when the file is malformed or the password is wrong
     */
    public static Keystore open(Path file, char[] password) {
        List<String> lines = lines(file);
        String[] kdf = lines.get(1).split(" ");
        if (kdf.length != 4 || !kdf[0].equals("kdf") || !kdf[1].equals("PBKDF2WithHmacSHA256")) {
            throw new LedgerException("bad kdf line in " + file);
        }
        Keystore k;
        try {
            k = new Keystore(file, Integer.parseInt(kdf[2]), DEC.decode(kdf[3]), password);
        } catch (IllegalArgumentException e) {
            throw new LedgerException("bad kdf line in " + file, e);
        }
        for (String[] f : keyLines(file, lines)) {
            k.entries.put(Record.checkId(f[1]), new String[] {f[2], f[3], f[4]});
        }
        if (!k.entries.isEmpty()) {
            k.signer(k.entries.keySet().iterator().next()); // checks the password
        }
        return k;
    }

    /**
     * Generates and stores a new key pair for an agent.
     *
     * @param agent the agent, which must not have a key here yet
     * @return its signer
     */
    public synchronized Signer generate(String agent) {
        return generateAll(List.of(agent)).get(agent);
    }

    /**
     * Generates and stores new key pairs for several agents, writing the keystore once (a
     * settlement of a large market meets thousands of new parties; one write per key would make
     * that quadratic in the keystore's size).
     *
     * @param agents the agents, none of which may have a key here yet, without repeats
     * @return their signers, in the given order
     */
    public synchronized Map<String, Signer> generateAll(List<String> agents) {
        Map<String, Signer> out = new LinkedHashMap<>();
        for (String agent : agents) {
            Record.checkId(agent);
            if (entries.containsKey(agent) || out.containsKey(agent)) {
                throw new LedgerException("agent " + agent + " has a key already in " + file);
            }
            out.put(agent, Signer.generate(agent));
        }
        Map<String, String[]> sealed = new LinkedHashMap<>();
        out.forEach((agent, s) -> sealed.put(agent, seal(agent, s)));
        entries.putAll(sealed);
        try {
            save();
        } catch (RuntimeException e) {
            sealed.keySet().forEach(entries::remove); // not stored, so not known either
            throw e;
        }
        return Collections.unmodifiableMap(out);
    }

    /** The stored form of a key pair: its public key, and its private key encrypted under the password. */
    private String[] seal(String agent, Signer s) {
        String pub = ENC.encodeToString(s.publicKey().getEncoded());
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(aad(agent, pub));
            byte[] ct = c.doFinal(s.keyPair().getPrivate().getEncoded());
            return new String[] {pub, ENC.encodeToString(iv), ENC.encodeToString(ct)};
        } catch (GeneralSecurityException e) {
            throw new LedgerException("cannot encrypt key of " + agent, e);
        }
    }

    /**
     * An agent's signer, decrypting its private key.
     *
     * @param agent the agent
     * @return its signer
     * @throws LedgerException when the agent has no key here or the password is wrong
     */
    public synchronized Signer signer(String agent) {
        String[] e = entries.get(agent);
        if (e == null) {
            throw new LedgerException("no key for agent " + agent + " in " + file);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, DEC.decode(e[1])));
            c.updateAAD(aad(agent, e[0]));
            byte[] pkcs8 = c.doFinal(DEC.decode(e[2]));
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new Signer(agent, new KeyPair(publicKey(agent), priv));
        } catch (AEADBadTagException ex) {
            throw new LedgerException("wrong password for " + file + " (or the key of " + agent + " was altered)", ex);
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new LedgerException("cannot decrypt key of " + agent + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * An agent's public key (no password needed).
     *
     * @param agent the agent
     * @return its public key
     */
    public synchronized PublicKey publicKey(String agent) {
        String[] e = entries.get(agent);
        if (e == null) {
            throw new LedgerException("no key for agent " + agent + " in " + file);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(DEC.decode(e[0])));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new LedgerException("bad public key of " + agent + " in " + file, ex);
        }
    }

    /**
     * Every agent's public key, for {@link Ledger#verify(Map)}.
     *
     * @return the keys by agent
     */
    public synchronized Map<String, PublicKey> publicKeys() {
        Map<String, PublicKey> out = new LinkedHashMap<>();
        for (String a : entries.keySet()) {
            out.put(a, publicKey(a));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The agents with a key here.
     *
     * @return their identifiers, sorted
     */
    public synchronized List<String> agents() {
        return new ArrayList<>(entries.keySet());
    }

    private static byte[] aad(String agent, String pub) {
        return (agent + " " + pub).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new LedgerException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    private void save() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("kdf PBKDF2WithHmacSHA256 ").append(iterations).append(' ').append(ENC.encodeToString(salt)).append('\n');
        entries.forEach((a, e) -> b.append("key ").append(a).append(' ').append(e[0]).append(' ').append(e[1]).append(' ')
                .append(e[2]).append('\n'));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keystore " + file, e);
        }
    }

    /** The file's lines, its header checked; the second is the kdf line. */
    static List<String> lines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LedgerException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("kdf ")) {
            throw new LedgerException("not a PeerClear keystore: " + file);
        }
        return lines;
    }

    /** The key lines after the kdf line, each split into its five fields ({@code key AGENT PUBLIC IV CIPHERTEXT}). */
    static List<String[]> keyLines(Path file, List<String> lines) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            if (f.length != 5 || !f[0].equals("key")) {
                throw new LedgerException("bad key line in " + file + ": " + line);
            }
            out.add(f);
        }
        return out;
    }
}
