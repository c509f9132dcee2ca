package dev.tapegrad.viz.diagram;

import dev.tapegrad.autograd.Tape;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every book graph as DOT, SVG and PNG into a folder, for looking at them by eye. */
public final class DiagramGallery {
  private DiagramGallery() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/gallery");
    Files.createDirectories(dir);
    try (Tape tape = Tape.record()) {
      BookGraphs.apple(tape);
      write(Diagram.of(tape), dir, "apple");
    }
    try (Tape tape = Tape.record()) {
      BookGraphs.appleOrange(tape);
      write(Diagram.of(tape), dir, "apple-orange");
    }
    try (Tape tape = Tape.record()) {
      BookGraphs.sigmoid(tape, 1.0);
      write(Diagram.of(tape), dir, "sigmoid-ops");
      write(Diagram.of(tape).level(Level.LAYER), dir, "sigmoid-layer");
    }
    try (Tape tape = Tape.record()) {
      BookGraphs.affine(tape);
      write(Diagram.of(tape), dir, "affine");
    }
    try (Tape tape = Tape.record()) {
      BookGraphs.softmaxWithLoss(tape, new double[] {0.3, 2.9, 4.0}, new double[] {0, 0, 1});
      write(Diagram.of(tape), dir, "softmax-with-loss-ops");
      write(Diagram.of(tape).level(Level.LAYER), dir, "softmax-with-loss-layer");
    }
    try (Tape tape = Tape.record()) {
      BookGraphs.twoLayerNet(tape);
      write(Diagram.of(tape).level(Level.LAYER), dir, "two-layer-net-layer");
      write(Diagram.of(tape), dir, "two-layer-net-ops");
      write(Diagram.of(tape).level(Level.LAYER).expand("Affine1"), dir, "two-layer-net-mixed");
    }
    try (Tape tape = Tape.record()) {
      BookGraphs.simpleConvNet(tape);
      write(Diagram.of(tape).level(Level.LAYER), dir, "simple-conv-net-layer");
      write(Diagram.of(tape).level(Level.LAYER).expand("Conv1"), dir, "simple-conv-net-conv1");
      write(Diagram.of(tape), dir, "simple-conv-net-ops");
    }
  }

  private static void write(Diagram diagram, Path dir, String name) throws Exception {
    diagram.writeDot(dir.resolve(name + ".dot"));
    diagram.writeSvg(dir.resolve(name + ".svg"));
    diagram.writePng(dir.resolve(name + ".png"));
  }
}
