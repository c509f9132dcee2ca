package dev.tapegrad.examples.inference;

import dev.tapegrad.layers.net.Network;

/**
 * A trained network ready for inference (evaluation mode), with what commands need to know about
 * it: a short label for file names ({@code book-ch8}, {@code two-layer}), whether it takes images
 * or flat vectors, and where its weights came from, for reports.
 */
public record LoadedNetwork(Network network, String label, boolean takesImages, String source) {}
