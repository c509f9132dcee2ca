package dev.tapegrad.layers.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What went wrong with a file, in the operating system's words: {@code permission denied}, {@code
 * no such file}, {@code is a directory}, {@code not a directory}, or the system's own reason. The
 * readers of this package report file errors through it, so that their messages read {@code <file>:
 * <reason>}; a command-line tool can use {@link #reason} for its own file errors.
 */
public final class FileProblem {
  private static final String PERMISSION_DENIED = "permission denied";
  private static final String NO_SUCH_FILE = "no such file";
  private static final String IS_A_DIRECTORY = "is a directory";
  private static final String NOT_A_DIRECTORY = "not a directory";

  /** The reasons the system gives as text (strerror), as this class words them. */
  private static final Map<String, String> SYSTEM_REASONS =
      Map.of(
          "Permission denied", PERMISSION_DENIED,
          "No such file or directory", NO_SUCH_FILE,
          "Is a directory", IS_A_DIRECTORY,
          "Not a directory", NOT_A_DIRECTORY);

  private FileProblem() {}

  /**
   * The reason {@code e} gives in a few lower-case words, without the file name: {@code permission
   * denied} for an {@link AccessDeniedException}, {@code no such file} for a {@link
   * NoSuchFileException}, {@code is a directory} when a directory was opened as a file, {@code not
   * a directory}, {@code file exists}, and likewise for the system's other reasons (e.g. {@code
   * read-only file system}); an exception that is not about a file gives its own message.
   */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return PERMISSION_DENIED;
    }
    if (e instanceof NoSuchFileException) {
      return NO_SUCH_FILE;
    }
    if (e instanceof NotDirectoryException) {
      return NOT_A_DIRECTORY;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "file exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (e instanceof FileSystemException) {
      // Its message is the file name alone when it has no reason.
      String reason = ((FileSystemException) e).getReason();
      return reason != null ? worded(reason) : e.getClass().getSimpleName();
    }
    String message = e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    // java.io reports "<file> (<reason>)".
    int open = message.lastIndexOf(" (");
    if (e instanceof FileNotFoundException && open >= 0 && message.endsWith(")")) {
      return worded(message.substring(open + 2, message.length() - 1));
    }
    return worded(message);
  }

  /**
   * An exception for a failure {@code e} to open, read or write {@code file} whose message is
   * {@code <file>: <reason>} (see {@link #reason}). It is of the same kind as {@code e} for {@link
   * NoSuchFileException} and {@link AccessDeniedException}, and a plain {@link FileSystemException}
   * otherwise; {@code e} is its cause.
   */
  public static FileSystemException explained(Path file, IOException e) {
    String name = file.toString();
    String reason = reason(e);
    FileSystemException explained;
    if (e instanceof NoSuchFileException) {
      explained = new NoSuchFileException(name, null, reason);
    } else if (e instanceof AccessDeniedException) {
      explained = new AccessDeniedException(name, null, reason);
    } else {
      explained = new FileSystemException(name, null, reason);
    }
    explained.initCause(e);
    return explained;
  }

  /**
   * Opens {@code file} for reading, like {@link Files#newInputStream}, except that a failure, or a
   * directory (which Linux lets one open, failing only at the first read), is reported as {@link
   * #explained}.
   */
  public static InputStream openForReading(Path file) throws FileSystemException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, IS_A_DIRECTORY);
    }
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw explained(file, e);
    }
  }

  /** {@code reason} as this class words it: lower case, unless it starts with an acronym. */
  private static String worded(String reason) {
    String known = SYSTEM_REASONS.get(reason);
    if (known != null) {
      return known;
    }
    boolean capitalizedWord =
        reason.length() > 1
            && Character.isUpperCase(reason.charAt(0))
            && Character.isLowerCase(reason.charAt(1));
    return capitalizedWord ? Character.toLowerCase(reason.charAt(0)) + reason.substring(1) : reason;
  }
}
