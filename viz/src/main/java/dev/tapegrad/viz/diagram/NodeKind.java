package dev.tapegrad.viz.diagram;

/** What a diagram node stands for, which decides how sinks draw it. */
public enum NodeKind {
  /** A leaf value fed into the graph: an input, a parameter or a constant (drawn as plain text). */
  INPUT,
  /** One primitive operation (drawn as a circle with its symbol, like the book). */
  OP,
  /** A whole scope collapsed into one node, named after the scope (drawn as a rounded box). */
  LAYER,
  /** The point where one value goes on to several consumers (drawn as a small dot). */
  BRANCH,
  /** The end of a value nothing else consumes, such as the loss (drawn as its name, if any). */
  OUTPUT
}
