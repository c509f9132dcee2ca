package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command checks its options before it does any work: a value out of range is a usage error
 * (exit 2) naming the option, and a file that cannot be used is a failure (exit 1) naming the file
 * and the operating system's reason; neither creates the output directory.
 */
class OptionValidationTest {
  @TempDir Path dir;

  private Path out() {
    return dir.resolve("never-created");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "train --epochs -1 | --epochs must be at least 0, got -1",
        "train --batch 0 | --batch must be at least 1, got 0",
        "train --train-size -5 | --train-size must be at least 0, got -5",
        "train --eval-samples -1 | --eval-samples must be at least 0, got -1",
        "train --test-samples -1 | --test-samples must be at least 0, got -1",
        "train --lr 0 | --lr must be a finite number above 0, got 0.0",
        "train --lr NaN | --lr must be a finite number above 0, got NaN",
        "train --lr Infinity | --lr must be a finite number above 0, got Infinity",
        "train --weight-decay -0.1 | --weight-decay must be a finite number of 0 or more, got -0.1",
        "train --weight-decay NaN | --weight-decay must be a finite number of 0 or more, got NaN",
        "train --net multi-layer-extend --dropout 1.5 | --dropout must be at least 0 and below 1,"
            + " got 1.5",
        "train --optimizer adamw | unknown optimizer 'adamw'; expected one of [sgd, momentum, nesterov,"
            + " adagrad, rmsprop, adam]",
        "train --net deep-conv --init he | --init: deep-conv always uses He initialisation, as the"
            + " book",
        "train --net resnet | unknown network 'resnet'; choose one of two-layer, multi-layer,"
            + " multi-layer-extend, simple-conv, deep-conv",
        "infer --batch 0 | --batch must be at least 1, got 0",
        "infer --limit -1 | --limit must be at least 0, got -1",
        "infer --dropout -0.1 | --dropout must be at least 0 and below 1, got -0.1",
        "infer --net book-ch3 --arch two-layer | --arch and --dropout describe checkpoints, not"
            + " book-ch3",
        "numerical --hidden 0 | --hidden must be at least 1, got 0",
        "numerical --lr -2 | --lr must be a finite number above 0, got -2.0",
        "numerical --iterations -1 | --iterations must be at least 0, got -1",
        "gradcheck --samples 0 | --samples must be at least 1, got 0",
        "gradcheck --max-elements -1 | --max-elements must be at least 0, got -1",
        "graph --batch 0 | --batch must be at least 1, got 0",
        "graph --max-width 0 | --max-width must be at least 1, got 0",
        "graph --scale 9 | --scale must be in (0, 8], got 9.0",
        "optimizers --iterations 0 | --iterations must be at least 1, got 0",
        "optimizers --log-every -1 | --log-every must be at least 0, got -1",
        "optimizers --path-steps 0 | --path-steps must be at least 1, got 0",
        "init --lr 0 | --lr must be a finite number above 0, got 0.0",
        "init --batch 0 | --batch must be at least 1, got 0",
        "batchnorm --epochs 0 | --epochs must be at least 1, got 0",
        "batchnorm --train-size 0 | --train-size must be at least 1, got 0",
        "batchnorm --lr -1 | --lr must be a finite number above 0, got -1.0",
        "overfit --epochs 0 | --epochs must be at least 1, got 0",
        "overfit --dropout-epochs 0 | --dropout-epochs must be at least 1, got 0",
        "overfit --lr NaN | --lr must be a finite number above 0, got NaN",
        "overfit --batch 0 | --batch must be at least 1, got 0",
        "hyperparams --trials 0 | --trials must be at least 1, got 0",
        "hyperparams --epochs 0 | --epochs must be at least 1, got 0",
        "hyperparams --train-size 1 | --train-size must be at least 2, got 1",
        "hyperparams --validation 1 | --validation must be above 0 and below 1, got 1.0",
        "filters --epochs 0 | --epochs must be at least 1, got 0",
        "filters --train-size -1 | --train-size must be at least 0, got -1",
        "misclassified --count 0 | --count must be at least 1, got 0",
        "misclassified --limit -1 | --limit must be at least 0, got -1",
        "download --timeout 0 | --timeout must be at least 1, got 0",
        "download --mirror ftp://example.org/ | a mirror must be an http(s) URL, got"
            + " 'ftp://example.org/'",
      })
  void valuesOutOfRangeAreUsageErrors(String args, String message) {
    String[] words = args.split(" ");
    Cli.Result r = Cli.run(out(), words);
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(words[0] + ": " + message + "\n", r.err());
    assertTrue(Files.notExists(out()), "no output directory before the options are checked");
  }

  @Test
  void anEmptyOutputPathIsAUsageError() {
    Cli.Result r = Cli.exec("gates", "--out", "");
    assertEquals(2, r.exitCode());
    assertEquals("gates: --out must not be an empty path\n", r.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "train --resume | missing.npz | no such file",
        "train --resume | folder | is a directory",
        "train --data | missing | no such file",
        "train --data | file.txt | not a directory",
        "infer --net | missing.npz | no such file",
        "infer --weights | missing.pkl | no such file",
        "filters --weights | missing.pkl | no such file",
        "download --checksums | missing.sha256 | no such file",
        "infer --predictions | folder | is a directory",
      })
  void filesThatCannotBeUsedFailAtOnce(String commandAndOption, String name, String reason)
      throws IOException {
    Files.createDirectory(dir.resolve("folder"));
    Files.writeString(dir.resolve("file.txt"), "not a directory");
    String[] words = commandAndOption.split(" ");
    Path file = dir.resolve(name);
    Cli.Result r = Cli.run(out(), words[0], words[1], file.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(words[0] + ": " + words[1] + " " + file + ": " + reason + "\n", r.err());
    assertTrue(Files.notExists(out()), "no output directory before the options are checked");
  }
}
