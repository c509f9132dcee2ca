package dev.tapegrad.layers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The book's own pickled weights, as shipped with the project. Expected numbers were read with
 * Python 3 and NumPy: first and last element in C order and the float64 sum of each array.
 */
class BookWeightsImportTest {
  private static final double SUM_TOLERANCE = 1e-9;

  private static Map<String, Tensor> load(String fileName) throws IOException {
    return BookWeights.loadShipped(fileName);
  }

  @ParameterizedTest
  @CsvSource({
    "sample_weight.pkl, b2 W1 b1 W2 W3 b3",
    "params.pkl, W1 b1 W2 b2 W3 b3",
    "deep_convnet_params.pkl, W1 b1 W2 b2 W3 b3 W4 b4 W5 b5 W6 b6 W7 b7 W8 b8",
  })
  void namesInTheDictsOrder(String fileName, String names) throws IOException {
    assertEquals(List.of(names.split(" ")), List.copyOf(load(fileName).keySet()));
  }

  @ParameterizedTest
  @CsvSource({
    "sample_weight.pkl, b2, 100, -0.014711079187691212, -0.04358607530593872, 0.2330201300792396",
    "sample_weight.pkl, W1, 784x50, -0.007412489037960768, -0.040211476385593414, 24.710748511527072",
    "sample_weight.pkl, b1, 50, -0.06750315427780151, 0.10716812312602997, 0.41067875683074817",
    "sample_weight.pkl, W2, 50x100, -0.1069403886795044, 0.009080098010599613, -4.358106311849042",
    "sample_weight.pkl, W3, 100x10, -0.4217357635498047, 0.03177173063158989, -2.648974552284926",
    "sample_weight.pkl, b3, 10, -0.060239847749471664, 0.053233496844768524, -3.7532299757003784e-07",
    "params.pkl, W1, 30x1x5x5, 0.029043125307097867, 0.07069916923024308, 20.527508695730134",
    "params.pkl, b1, 30, -0.00436782044949035, -0.001900417362071554, 0.1258638198613024",
    "params.pkl, W2, 4320x100, -0.0037957684322847012, 0.0420776218305481, 288.8110105085742",
    "params.pkl, b2, 100, -0.009000240429435938, 0.035968773451534916, 0.5585865389300542",
    "params.pkl, W3, 100x10, 0.029296026645952405, 0.03931343759527688, -5.610287204909699",
    "params.pkl, b3, 10, -0.019599940732667402, 0.004335298040831813, 0.011174781409483936",
    "deep_convnet_params.pkl, W1, 16x1x3x3, -0.8277412376260538, -0.04648231207688203, 5.225704840649112",
    "deep_convnet_params.pkl, b1, 16, 0.01927885645263165, 0.04308728431561233, 0.04151536402151748",
    "deep_convnet_params.pkl, W2, 16x16x3x3, 0.01429705068808758, 0.03636138942661886, 7.410215372665877",
    "deep_convnet_params.pkl, b2, 16, -0.015590673985304304, 0.0023215013567952285, 0.043564158573379516",
    "deep_convnet_params.pkl, W3, 32x16x3x3, 0.18133971004672925, 0.22331309699936222, 7.50410051363205",
    "deep_convnet_params.pkl, b3, 32, 0.018086322646100123, 0.001707419378822525, 0.24455813126620332",
    "deep_convnet_params.pkl, W4, 32x32x3x3, 0.07230080414635572, -0.08927766626934876, -44.936763145506234",
    "deep_convnet_params.pkl, b4, 32, -0.00893285367027812, -0.009746032735347071, -0.1756859200518945",
    "deep_convnet_params.pkl, W5, 64x32x3x3, -0.09524583579366395, 0.05785602276373288, -46.33622280908443",
    "deep_convnet_params.pkl, b5, 64, -0.009059867440718183, 0.011118196979142968, 0.06148131127452609",
    "deep_convnet_params.pkl, W6, 64x64x3x3, 0.054493120588714264, -0.15820929095959024, -240.938048453254",
    "deep_convnet_params.pkl, b6, 64, -0.006373986727768255, 0.0025192675313988515, -0.5217561595389846",
    "deep_convnet_params.pkl, W7, 1024x50, 0.032971401187949965, -3.973970700943336e-05, -162.374153529788",
    "deep_convnet_params.pkl, b7, 50, -0.0030401295453345713, 0.004759218459989368, -0.11407296043141187",
    "deep_convnet_params.pkl, W8, 50x10, 0.0025516390121961916, 0.20625942505385914, -35.47962592470904",
    "deep_convnet_params.pkl, b8, 10, -0.0792862361671907, -0.07505079879166171, -0.7970797297286469",
  })
  void shapesAndValues(
      String fileName, String name, String shape, double first, double last, double sum)
      throws IOException {
    Tensor tensor = load(fileName).get(name);
    int[] dims = Arrays.stream(shape.split("x")).mapToInt(Integer::parseInt).toArray();
    assertArrayEquals(dims, tensor.shape());
    double[] data = tensor.data();
    assertEquals(first, data[0]);
    assertEquals(last, data[data.length - 1]);
    assertEquals(sum, tensor.sum().item(), SUM_TOLERANCE);
  }

  @ParameterizedTest
  @CsvSource({
    "sample_weight.pkl, W1, 0 1, -0.007904390804469585",
    "sample_weight.pkl, W1, 1 0, -0.010297450236976147",
    "sample_weight.pkl, W1, 123 45, -0.04840052127838135",
    "params.pkl, W1, 7 0 2 3, 0.05294620977484769",
  })
  void elementsAwayFromTheEnds(String fileName, String name, String index, double value)
      throws IOException {
    // sample_weight's W1 is stored in Fortran order: these tell the two orders apart.
    int[] at = Arrays.stream(index.split(" ")).mapToInt(Integer::parseInt).toArray();
    assertEquals(value, load(fileName).get(name).get(at));
  }
}
