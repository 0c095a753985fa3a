package org.peerclear.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is
 * then moved over the target, so a reader never sees half a file.
 *
 * <p>The temporary file never outlives a failed write: it is deleted when the content throws
 * (an I/O error, a full disk, running out of memory) and, through one shutdown hook, when the
 * JVM exits in the middle of a write (Ctrl-C, SIGTERM; only SIGKILL and power loss can leave
 * one behind). A new file gets the permissions any program would give it ({@code rw-rw-rw-}
 * less the umask, so usually {@code rw-r--r--}), not the owner-only ones of
 * {@link Files#createTempFile}; a replaced file keeps its permissions.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> READ_WRITE_ALL = PosixFilePermissions.fromString("rw-rw-rw-");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with what {@code content} writes (UTF-8). Failures are an
     * {@link UncheckedIOException} whose message names the file and the problem.
     *
     * @param target  the file to create or replace; its folder must exist
     * @param content writes the whole content; what it throws leaves {@code target} as it was
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path target, Consumer<Writer> content) {
        writeTemporary(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.accept(w);
            }
        });
    }

    /**
     * Writes {@code target} with {@code bytes} (a picture, say), atomically like {@link #write(Path, Consumer)}.
     *
     * @param target the file to create or replace
     * @param bytes  the whole content
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeBytes(Path target, byte[] bytes) {
        writeTemporary(target, tmp -> Files.write(tmp, bytes));
    }

    /** Fills a temporary file next to the target. */
    private interface Filler {
        void fill(Path tmp) throws IOException;
    }

    private static void writeTemporary(Path target, Filler filler) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            createDirectories(dir);
            tmp = createTemporary(dir, abs);
            filler.fill(tmp);
            keepPermissions(abs, tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failure(target, e);
        } catch (UncheckedIOException e) {
            throw failure(target, e.getCause());
        } finally {
            if (tmp != null) {
                IN_FLIGHT.remove(tmp);
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * {@link #write(Path, Consumer)} with a text known in full.
     *
     * @param target the file to create or replace
     * @param text   the whole content, written as UTF-8
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeString(Path target, String text) {
        write(target, w -> {
            try {
                w.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static UncheckedIOException failure(Path target, IOException e) {
        return new UncheckedIOException("Cannot write " + target + ": " + IoProblems.describe(e, target), e);
    }

    private static void createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
    }

    /** A new empty file next to {@code target}, registered for deletion should the JVM exit. */
    private static Path createTemporary(Path dir, Path target) throws IOException {
        installHook();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(READ_WRITE_ALL)}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            IN_FLIGHT.add(tmp);
            try {
                // The mode given to open(2) is masked by the umask, as for any new file.
                return Files.createFile(tmp, attrs);
            } catch (FileAlreadyExistsException e) {
                IN_FLIGHT.remove(tmp);
                if (attempt == 10) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                IN_FLIGHT.remove(tmp);
                throw e;
            }
        }
    }

    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
    }

    private static void installHook() {
        if (!hookInstalled) {
            synchronized (AtomicFiles.class) {
                if (!hookInstalled) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_FLIGHT.forEach(AtomicFiles::deleteQuietly),
                            "peerclear-atomic-files-cleanup"));
                    hookInstalled = true;
                }
            }
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // The failure that got us here is the one worth reporting.
        }
    }
}
