package dev.tapegrad.viz.diagram;

import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the steps of a trace into a {@link DiagramGraph} at a level: decides which scopes collapse
 * into layer nodes, which leaves are drawn, and where values branch or end.
 *
 * <p>Inside one collapsed layer, parameters (leaves that require a gradient) and unnamed
 * one-element constants are hidden unless parameters are asked for. The first input of a layer's
 * first op is taken to be its data input and is always drawn (the {@code x} of {@code x·W + b} or
 * of {@code im2col(x)}). Every other value that crosses a node boundary is an edge.
 */
final class DiagramBuilder {
  private final StepTrace trace;
  private final Level level;
  private final List<String> expanded;
  private final List<String> collapsed;
  private final boolean showParameters;

  private final List<DiagramNode> nodes = new ArrayList<>();
  private final List<DiagramEdge> edges = new ArrayList<>();
  private final Map<Tensor, String> producer = new IdentityHashMap<>();
  private final Map<Tensor, Set<String>> consumers = new IdentityHashMap<>();
  private final Map<Tensor, Boolean> consumedAnywhere = new IdentityHashMap<>();
  private final List<Tensor> order = new ArrayList<>();
  private final Map<String, DiagramNode> displays = new LinkedHashMap<>();
  private final Map<Tensor, String> inputIds = new IdentityHashMap<>();
  private final Map<String, Integer> counters = new LinkedHashMap<>();
  private final Map<Tensor, Boolean> dataInputs = new IdentityHashMap<>();

  DiagramBuilder(
      StepTrace trace,
      Level level,
      List<String> expanded,
      List<String> collapsed,
      boolean showParameters) {
    this.trace = trace;
    this.level = level;
    this.expanded = expanded;
    this.collapsed = collapsed;
    this.showParameters = showParameters;
  }

  DiagramGraph build() {
    List<Step> steps = trace.steps();
    Set<String> leafScopes = leafScopes(steps);
    List<String> displayOfStep = new ArrayList<>(steps.size());
    for (Step step : steps) {
      String unit = collapsedUnit(step.scope(), leafScopes);
      String id = unit == null ? newOpNode(step) : layerNode(unit, step);
      displayOfStep.add(id);
      for (Tensor input : step.inputs()) {
        see(input);
        consumedAnywhere.put(input, true);
      }
      see(step.output());
      producer.put(step.output(), id);
    }
    for (int i = 0; i < steps.size(); i++) {
      for (Tensor input : steps.get(i).inputs()) {
        if (!displayOfStep.get(i).equals(producer.get(input))) {
          consumers.get(input).add(displayOfStep.get(i));
        }
      }
    }
    placeInputs(steps, displayOfStep);
    for (Tensor t : order) {
      connect(t);
    }
    return new DiagramGraph(nodes, edges);
  }

  private void see(Tensor t) {
    if (!consumers.containsKey(t)) {
      consumers.put(t, new LinkedHashSet<>());
      order.add(t);
    }
  }

  /** Scopes with no other scope nested inside them. */
  private static Set<String> leafScopes(List<Step> steps) {
    Set<String> all = new LinkedHashSet<>();
    for (Step step : steps) {
      all.addAll(ScopePaths.prefixes(step.scope()));
    }
    Set<String> leaves = new LinkedHashSet<>(all);
    for (String scope : all) {
      leaves.remove(ScopePaths.parent(scope));
    }
    return leaves;
  }

  /** The outermost collapsed scope {@code scope} lies in, or {@code null}. */
  private String collapsedUnit(String scope, Set<String> leafScopes) {
    for (String prefix : ScopePaths.prefixes(scope)) {
      boolean byLevel =
          level == Level.LAYER && leafScopes.contains(prefix) && !named(expanded, prefix);
      if (byLevel || named(collapsed, prefix)) {
        return prefix;
      }
    }
    return null;
  }

  private static boolean named(List<String> specs, String path) {
    for (String spec : specs) {
      if (ScopePaths.names(spec, path)) {
        return true;
      }
    }
    return false;
  }

  private String newOpNode(Step step) {
    String id = nextId("op");
    DiagramNode node =
        new DiagramNode(id, NodeKind.OP, OpSymbols.of(step.op(), step.attributes()), step.scope());
    displays.put(id, node);
    nodes.add(node);
    return id;
  }

  private String layerNode(String unit, Step first) {
    String key = "layer:" + unit;
    DiagramNode existing = displays.get(key);
    if (existing != null) {
      return existing.id();
    }
    if (!first.inputs().isEmpty()) {
      dataInputs.put(first.inputs().get(0), true);
    }
    String id = nextId("layer");
    DiagramNode node =
        new DiagramNode(id, NodeKind.LAYER, ScopePaths.name(unit), ScopePaths.parent(unit));
    displays.put(key, node);
    displays.put(id, node);
    nodes.add(node);
    return id;
  }

  /** Creates the drawn leaves, in order of first use, just before their first consumer. */
  private void placeInputs(List<Step> steps, List<String> displayOfStep) {
    List<DiagramNode> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      for (Tensor input : steps.get(i).inputs()) {
        if (!producer.containsKey(input) && !inputIds.containsKey(input) && !hidden(input)) {
          DiagramNode node =
              new DiagramNode(
                  nextId("in"), NodeKind.INPUT, inputLabel(input), commonScope(input, null));
          inputIds.put(input, node.id());
          displays.put(node.id(), node);
          ordered.add(node);
        }
      }
      String display = displayOfStep.get(i);
      if (placed.add(display)) {
        ordered.add(displays.get(display));
      }
    }
    nodes.clear();
    nodes.addAll(ordered);
  }

  private boolean hidden(Tensor leaf) {
    Set<String> users = consumers.get(leaf);
    if (users.size() != 1
        || displays.get(users.iterator().next()).kind() != NodeKind.LAYER
        || dataInputs.containsKey(leaf)) {
      return false;
    }
    return leaf.needsGrad() ? !showParameters : isUnnamedConstant(leaf);
  }

  private static boolean isUnnamedConstant(Tensor t) {
    return t.name() == null && t.size() == 1 && !t.needsGrad();
  }

  private static String inputLabel(Tensor leaf) {
    if (leaf.name() != null) {
      return leaf.name();
    }
    if (leaf.size() == 1) {
      return ValueFormat.number(leaf.data()[0]);
    }
    return leaf.needsGrad() ? "param" : "input";
  }

  /** The innermost scope holding every consumer of {@code t} (and {@code seed}, if given). */
  private String commonScope(Tensor t, String seed) {
    String scope = seed;
    for (String user : consumers.get(t)) {
      String s = displays.get(user).scope();
      scope = scope == null ? s : ScopePaths.common(scope, s);
    }
    return scope == null ? "" : scope;
  }

  /** Emits the edges of one value: direct, through a branch point, or into an output end. */
  private void connect(Tensor t) {
    String source = producer.containsKey(t) ? producer.get(t) : inputIds.get(t);
    if (source == null) {
      return;
    }
    Set<String> users = consumers.get(t);
    String value = !producer.containsKey(t) && isUnnamedConstant(t) ? "" : ValueFormat.of(t);
    String gradient = ValueFormat.of(trace.gradientOf(t));
    String sourceScope = displays.get(source).scope();
    if (users.isEmpty()) {
      if (producer.containsKey(t) && !consumedAnywhere.containsKey(t)) {
        String label = t.name() == null ? "" : t.name();
        String end = add(new DiagramNode(nextId("out"), NodeKind.OUTPUT, label, sourceScope));
        edges.add(new DiagramEdge(source, end, value, gradient));
      }
      return;
    }
    if (users.size() == 1) {
      edges.add(new DiagramEdge(source, users.iterator().next(), value, gradient));
      return;
    }
    String branch =
        add(new DiagramNode(nextId("branch"), NodeKind.BRANCH, "", commonScope(t, sourceScope)));
    edges.add(new DiagramEdge(source, branch, value, gradient));
    for (String user : users) {
      edges.add(new DiagramEdge(branch, user, value, ""));
    }
  }

  private String add(DiagramNode node) {
    nodes.add(node);
    return node.id();
  }

  private String nextId(String prefix) {
    int n = counters.merge(prefix, 1, Integer::sum);
    return prefix + n;
  }
}
