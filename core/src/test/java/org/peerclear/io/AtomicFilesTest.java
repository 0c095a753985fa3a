package org.peerclear.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: no half files, no temporary files left behind, the usual permissions. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void writesTheContentAndLeavesOnlyTheTarget() throws Exception {
        Path target = dir.resolve("out.json");
        AtomicFiles.write(target, w -> write(w, "hello\n"));
        assertThat(Files.readString(target)).isEqualTo("hello\n");
        assertThat(names()).containsExactly("out.json");
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotOwnerOnly() throws Exception {
        assumeTrue(posix(dir));
        // What any program gets for a new file under this process's umask (0666 & ~umask).
        Path plain = dir.resolve("plain.txt");
        try (OutputStream o = Files.newOutputStream(plain)) {
            o.write('x');
        }
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        Path target = dir.resolve("out.json");
        AtomicFiles.write(target, w -> write(w, "{}\n"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(usual);
        // Files.createTempFile would have given rw------- whatever the umask; the usual
        // umasks (022, 002) let others read.
        assumeTrue(usual.contains(PosixFilePermission.OTHERS_READ));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isNotEqualTo("rw-------");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        assumeTrue(posix(dir));
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(target, w -> write(w, "new"));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, w -> {
            write(w, "half of the new cont");
            throw new IllegalStateException("interrupted");
        })).isInstanceOf(IllegalStateException.class).hasMessage("interrupted");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).containsExactly("out.json");
    }

    @Test
    void anOutOfMemoryErrorWhileWritingLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, w -> {
            write(w, "[1, 2, ");
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThat(names()).isEmpty();
    }

    @Test
    void anI_OErrorFromTheContentNamesTheFileAndLeavesNothing() throws Exception {
        Path target = dir.resolve("out.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, w -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        })).isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot write " + target + ": No space left on device");
        assertThat(names()).isEmpty();
    }

    @Test
    void aFolderThatIsAFileIsNamedWithTheProblem() throws Exception {
        Path notADir = dir.resolve("results");
        Files.writeString(notADir, "I am a file");
        Path target = notADir.resolve("out.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, w -> write(w, "x")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Cannot write " + target + ": ")
                .hasMessageContaining("exists and is not a directory")
                .hasMessageContaining(notADir.toString());
        assertThat(names()).containsExactly("results");
    }

    @Test
    void aReadOnlyFolderSaysPermissionDeniedWithoutNamingTheTemporaryFile() throws Exception {
        assumeTrue(posix(dir));
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Root ignores permissions: nothing to check then.
            assumeTrue(!Files.isWritable(ro));
            Path target = ro.resolve("out.json");
            assertThatThrownBy(() -> AtomicFiles.write(target, w -> write(w, "x")))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("Cannot write " + target + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void write(java.io.Writer w, String s) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
