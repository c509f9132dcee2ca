package dev.tapegrad.viz.diagram;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.tapegrad.autograd.Tensor;

/** One primitive operation as a diagram sees it, after any fused node was expanded. */
record Step(
    String op,
    ImmutableMap<String, Object> attributes,
    ImmutableList<Tensor> inputs,
    Tensor output,
    String scope) {}
