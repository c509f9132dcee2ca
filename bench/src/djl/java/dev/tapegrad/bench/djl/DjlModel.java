package dev.tapegrad.bench.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A network written with DJL's functional ops: its parameters (float64 arrays that require a
 * gradient) and its forward pass from a batch to class scores.
 */
record DjlModel(List<NDArray> parameters, UnaryOperator<NDArray> forward) {}
