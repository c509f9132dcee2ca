package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.GradOption;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.layers.F;
import dev.tapegrad.layers.Module;
import dev.tapegrad.layers.data.Dataset;
import dev.tapegrad.layers.data.Mnist;
import dev.tapegrad.layers.data.MnistOptions;
import dev.tapegrad.layers.data.TrainTestSplit;
import dev.tapegrad.layers.init.WeightInit;
import dev.tapegrad.layers.io.Checkpoint;
import dev.tapegrad.layers.net.Network;
import dev.tapegrad.layers.net.SimpleConvNet;
import dev.tapegrad.layers.nn.Affine;
import dev.tapegrad.layers.optim.Adam;
import dev.tapegrad.layers.train.ProgressPrinter;
import dev.tapegrad.layers.train.Trainer;
import dev.tapegrad.layers.train.TrainingHistory;
import dev.tapegrad.viz.diagram.Diagram;
import dev.tapegrad.viz.diagram.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets, compiled and run: {@link #everySnippetOfTheReadmeIsInThisFile} checks
 * that each snippet starts with its imports and that each line of each snippet stands, in order, in
 * this file (runs of spaces count as one, so the README may align its comments), and the other
 * tests run them and check the numbers their comments promise. The snippets write into the working
 * directory, which surefire sets to {@code examples/target} for this module.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of(System.getProperty("tapegrad.readme"));
  private static final Path THIS_FILE = Path.of(System.getProperty("tapegrad.readmeTest"));

  @Test
  void secondDerivative() {
    Tensor x = Tensor.scalar(2).requiresGrad();
    try (Tape tape = Tape.record()) {
      Tensor y = x.pow(4).sub(x.pow(2).mul(2)); // y = x⁴ − 2x²
      Tensor dy = tape.grad(y, x, GradOption.CREATE_GRAPH); // 24
      Tensor d2y = tape.grad(dy, x); // 44
      assertEquals(24, dy.item(), 1e-12);
      assertEquals(44, d2y.item(), 1e-12);
    }
  }

  @Test
  void appleGraph() throws IOException {
    Tensor apple = Tensor.scalar(100).requiresGrad().named("apple");
    Tensor count = Tensor.scalar(2).requiresGrad().named("count");
    Tensor tax = Tensor.scalar(1.1).requiresGrad().named("tax");
    try (Tape tape = Tape.record()) {
      Tensor price = apple.mul(count).mul(tax); // 220
      tape.backward(price); // apple.grad() 2.2, count.grad() 110, tax.grad() 200
      Diagram.of(tape).writeSvg(Path.of("apple.svg"));
      assertEquals(220, price.item(), 1e-12);
    }
    assertEquals(2.2, apple.grad().item(), 1e-12);
    assertEquals(110, count.grad().item(), 1e-12);
    assertEquals(200, tax.grad().item(), 1e-12);
    assertTrue(Files.readString(Path.of("apple.svg")).contains("apple"));
  }

  final class Swish extends Module {
    @Override
    public Tensor forward(Tensor x) {
      return x.mul(F.sigmoid(x));
    }
  }

  @Test
  void swishHasCorrectGradients() {
    GradCheck.assertGradients(x -> new Swish().forward(x), Tensor.randn(new Random(1), 4, 3));
  }

  final class Mlp extends Module {
    private final Affine hidden;
    private final Affine output;

    Mlp(Random rng) {
      WeightInit he = WeightInit.he();
      hidden = addChild(new Affine("Hidden", he.create(rng, 784, 64), Tensor.zeros(64)));
      output = addChild(new Affine("Output", he.create(rng, 64, 10), Tensor.zeros(10)));
    }

    @Override
    public Tensor forward(Tensor x) {
      return output.apply(F.relu(hidden.apply(x)));
    }
  }

  @Test
  void aModelOfYourOwn() throws IOException {
    TrainTestSplit mnist = Mnist.embeddedSample(MnistOptions.defaults());
    Network net = Network.of(new Mlp(new Random(1)));
    TrainingHistory history =
        new Trainer(net, new Adam(0.001), new Trainer.Config(3, 100, 1)) // epochs, batch, seed
            .listener(new ProgressPrinter(System.out))
            .fit(mnist.train(), mnist.test()); // test accuracy > 0.9
    Dataset few = mnist.test().subset(8);
    GradCheck.assertParameterGradients(
        net.parameters(), () -> net.loss(few.images(), few.labels()), 10, 1);
    assertTrue(history.last().testAccuracy() > 0.9, history.last().toString());
    assertEquals(
        List.of("Hidden.W", "Hidden.b", "Output.W", "Output.b"),
        List.copyOf(net.parameters().keySet()));
  }

  @Test
  void trainingOneOfTheBooksNetworks() throws IOException {
    TrainTestSplit mnist = Mnist.embeddedSample(MnistOptions.defaults().withFlatten(false));
    SimpleConvNet net = new SimpleConvNet(new Random(1));
    TrainingHistory history =
        new Trainer(net, new Adam(0.001), new Trainer.Config(1, 100, 1))
            .fit(mnist.train(), mnist.test());
    Checkpoint.save(Path.of("simple-conv.npz"), net, null); // a NumPy .npz
    try (Tape tape = Tape.record()) {
      tape.backward(net.loss(mnist.test().images().slice(0, 2), new int[] {7, 2}));
      Diagram.of(tape).level(Level.LAYER).writePng(Path.of("net.png"));
    }
    assertTrue(history.last().testAccuracy() > 0.8, "one epoch: " + history.last());
    assertTrue(Files.size(Path.of("simple-conv.npz")) > 100_000);
    assertTrue(Files.size(Path.of("net.png")) > 1_000);
  }

  @Test
  void everySnippetOfTheReadmeIsInThisFile() throws IOException {
    List<String> code =
        Files.readAllLines(THIS_FILE).stream().map(ReadmeSnippetsTest::spaced).toList();
    List<List<String>> snippets = javaBlocks(Files.readAllLines(README));
    assertTrue(snippets.size() >= 5, "found " + snippets.size() + " Java snippets in the README");
    for (List<String> snippet : snippets) {
      assertTrue(
          snippet.get(0).startsWith("import "),
          "a README snippet shows its imports first: " + snippet.get(0));
    }
    for (List<String> snippet : snippets) {
      int at = 0;
      for (String line : snippet) {
        int found = code.subList(at, code.size()).indexOf(line);
        assertTrue(found >= 0, "README line not in " + THIS_FILE.getFileName() + ": " + line);
        at += found + 1;
      }
    }
  }

  /** {@code line} without leading and trailing space, and each run of spaces made one. */
  private static String spaced(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  /** The non-blank lines of each {@code ```java} block, {@link #spaced}. */
  private static List<List<String>> javaBlocks(List<String> markdown) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : markdown) {
      if (current == null && line.strip().equals("```java")) {
        current = new ArrayList<>();
      } else if (current != null && line.strip().equals("```")) {
        blocks.add(current);
        current = null;
      } else if (current != null && !line.isBlank()) {
        current.add(spaced(line));
      }
    }
    return blocks;
  }
}
