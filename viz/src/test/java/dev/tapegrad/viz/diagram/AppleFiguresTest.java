package dev.tapegrad.viz.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Tape;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The apple-shopping figures of chapter 5 (Fig 5-16 and 5-17), in DOT and SVG. */
class AppleFiguresTest {

  private static Diagram diagram(Function<Tape, ?> build) {
    Tape tape = Tape.record();
    build.apply(tape);
    tape.close();
    return Diagram.of(tape);
  }

  @Test
  void appleFigureShowsBookValuesAndGradients() {
    Diagram d = diagram(BookGraphs::apple);
    Rendered svg = Rendered.fromSvg(d.toSvg());
    Rendered dot = Rendered.fromDot(d.toDot());
    assertEquals(2, svg.count("op"));
    assertEquals(2, dot.count("circle"));
    for (Rendered r : List.of(svg, dot)) {
      assertEquals(5, r.edges().size());
      // Fig 5-16: forward values above the edges, backward values below.
      assertEquals(List.of("100", "2.2"), texts(r.edge("apple", "×")));
      assertEquals(List.of("2", "110"), texts(r.edge("apple count", "×")));
      assertEquals(List.of("200", "1.1"), texts(r.edge("×", "×")));
      assertEquals(List.of("1.1", "200"), texts(r.edge("tax", "×")));
      assertEquals(List.of("220", "1"), texts(r.edge("×", "price")));
    }
  }

  @Test
  void appleOrangeFigureShowsBookValuesAndGradients() {
    Diagram d = diagram(BookGraphs::appleOrange);
    for (Rendered r : List.of(Rendered.fromSvg(d.toSvg()), Rendered.fromDot(d.toDot()))) {
      assertEquals(9, r.edges().size());
      assertEquals(List.of("100", "2.2"), texts(r.edge("apple", "×")));
      assertEquals(List.of("2", "110"), texts(r.edge("apple count", "×")));
      assertEquals(List.of("150", "3.3"), texts(r.edge("orange", "×")));
      assertEquals(List.of("3", "165"), texts(r.edge("orange count", "×")));
      List<Rendered.Edge> intoAdd = r.between("×", "+");
      assertEquals(2, intoAdd.size());
      assertEquals(List.of("200", "1.1"), texts(intoAdd.get(0)));
      assertEquals(List.of("450", "1.1"), texts(intoAdd.get(1)));
      assertEquals(List.of("650", "1.1"), texts(r.edge("+", "×")));
      assertEquals(List.of("1.1", "650"), texts(r.edge("tax", "×")));
      assertEquals(List.of("715", "1"), texts(r.edge("×", "price")));
    }
  }

  private static List<String> texts(Rendered.Edge e) {
    return List.of(e.value(), e.gradient());
  }

  @Test
  void appleDotMatchesGoldenFile() throws Exception {
    Golden.assertMatches("apple.dot", diagram(BookGraphs::apple).toDot());
  }

  @Test
  void appleSvgMatchesGoldenFile() throws Exception {
    Golden.assertMatches("apple.svg", diagram(BookGraphs::apple).toSvg());
  }

  @Test
  void appleOrangeDotMatchesGoldenFile() throws Exception {
    Golden.assertMatches("apple-orange.dot", diagram(BookGraphs::appleOrange).toDot());
  }

  @Test
  void appleOrangeSvgMatchesGoldenFile() throws Exception {
    Golden.assertMatches("apple-orange.svg", diagram(BookGraphs::appleOrange).toSvg());
  }
}
