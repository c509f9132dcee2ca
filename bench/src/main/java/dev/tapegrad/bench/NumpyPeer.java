package dev.tapegrad.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The NumPy reference ({@code bench/numpy_reference.py}) as a peer: one long-lived {@code python3}
 * process that times each workload itself, with the same plan, and sends the samples back over a
 * line protocol ({@code measure <id> <plan>} answered by {@code samples <id> <ms>...}).
 */
public final class NumpyPeer implements Peer {
  private final Process process;
  private final BufferedReader replies;
  private final Writer commands;
  private final String backend;

  private NumpyPeer(Process process, BufferedReader replies, Writer commands, String backend) {
    this.process = process;
    this.replies = replies;
    this.commands = commands;
    this.backend = backend;
  }

  /**
   * Starts {@code python serve} on the script and waits for its {@code ready} line.
   *
   * @throws IOException if the script is missing or the process does not start and greet
   */
  public static NumpyPeer start(String python, Path script) throws IOException {
    if (!Files.isRegularFile(script)) {
      throw new IOException(
          "NumPy reference not found: "
              + script.toAbsolutePath()
              + " (run from the repository root, or pass --numpy-script)");
    }
    Process process =
        new ProcessBuilder(python, script.toString(), "serve")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader replies =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String greeting = replies.readLine();
    if (greeting == null || !greeting.startsWith("ready ")) {
      process.destroy();
      throw new IOException(python + " " + script + " did not start; it said: " + greeting);
    }
    return new NumpyPeer(process, replies, commands, greeting.substring("ready ".length()));
  }

  @Override
  public String name() {
    return "numpy";
  }

  @Override
  public String backend() {
    return backend;
  }

  @Override
  public Samples measure(Workload workload, MeasurementPlan plan) throws IOException {
    commands.write("measure " + workload.id() + " " + plan.asArguments() + "\n");
    commands.flush();
    String reply = replies.readLine();
    if (reply == null) {
      throw new IOException("the NumPy reference exited while measuring " + workload.id());
    }
    return parseReply(workload, reply);
  }

  /** Reads a {@code samples <id> <ms>...} reply; an {@code error} reply becomes an exception. */
  static Samples parseReply(Workload workload, String reply) throws IOException {
    String[] words = reply.trim().split("\\s+");
    if (words.length >= 3 && words[0].equals("samples") && words[1].equals(workload.id())) {
      try {
        return new Samples(
            Arrays.stream(words, 2, words.length).mapToDouble(Double::parseDouble).toArray());
      } catch (IllegalArgumentException e) {
        throw new IOException("bad samples from the NumPy reference: " + reply, e);
      }
    }
    throw new IOException("the NumPy reference failed on " + workload.id() + ": " + reply);
  }

  @Override
  public void close() {
    try {
      commands.write("quit\n");
      commands.flush();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (IOException alreadyGone) {
      process.destroy(); // it has exited or cannot be told to
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
    }
  }
}
