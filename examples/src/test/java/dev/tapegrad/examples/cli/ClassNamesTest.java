package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClassNamesTest {
  @Test
  void fashionMnistsLabelsInOrder() {
    assertEquals("T-shirt/top", ClassNames.FASHION.name(0));
    assertEquals("Sandal", ClassNames.FASHION.name(5));
    assertEquals("Ankle boot", ClassNames.FASHION.name(9));
    assertEquals("7", ClassNames.DIGITS.name(7));
    assertEquals(
        "class 10 is outside 0..9 of fashion",
        assertThrows(IllegalArgumentException.class, () -> ClassNames.FASHION.name(10))
            .getMessage());
  }

  @Test
  void aFolderNamedFashionHoldsClothes() {
    assertEquals(
        ClassNames.FASHION, ClassNames.guessFrom(Path.of("/usr/share/datasets/fashion-mnist")));
    assertEquals(ClassNames.FASHION, ClassNames.guessFrom(Path.of("data/Fashion_MNIST/")));
    assertEquals(ClassNames.DIGITS, ClassNames.guessFrom(Path.of("data/mnist")));
    assertEquals(ClassNames.DIGITS, ClassNames.guessFrom(Path.of("/")));
    assertEquals(ClassNames.DIGITS, ClassNames.guessFrom(null));
  }
}
