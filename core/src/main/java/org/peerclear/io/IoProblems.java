package org.peerclear.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Says in words what went wrong in a file operation. The JDK's file exceptions often carry only
 * a path as their message ({@code AccessDeniedException: /out/.r.json.tmp}); a user needs the
 * problem, and the file is named by the caller.
 */
final class IoProblems {
    private IoProblems() {
    }

    /**
     * The problem in words, plus the path the JDK complained about when it is news: not
     * {@code subject} (which the caller names anyway) nor a temporary twin of it
     * ({@code .NAME....tmp} beside it, see {@link AtomicFiles}).
     */
    static String describe(IOException e, Path subject) {
        if (e instanceof AccessDeniedException) {
            return "permission denied" + where(e, subject);
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory" + where(e, subject);
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory" + where(e, subject);
        }
        if (e instanceof FileAlreadyExistsException) {
            return "exists and is not a directory" + where(e, subject);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a non-empty directory" + where(e, subject);
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + where(e, subject);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The path the JDK complained about, when there is one and it is news (a parent folder, say). */
    private static String where(IOException e, Path subject) {
        if (!(e instanceof FileSystemException fs) || fs.getFile() == null) {
            return "";
        }
        Path file = Paths.get(fs.getFile()).toAbsolutePath();
        Path abs = subject.toAbsolutePath();
        boolean twin = file.getFileName() != null && abs.getFileName() != null && Objects.equals(file.getParent(), abs.getParent())
                && file.getFileName().toString().startsWith("." + abs.getFileName() + ".")
                && file.getFileName().toString().endsWith(".tmp");
        return file.equals(abs) || twin ? "" : " (" + fs.getFile() + ")";
    }
}
