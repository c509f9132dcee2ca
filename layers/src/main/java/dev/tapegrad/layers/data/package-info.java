/**
 * Datasets for the book's experiments: the IDX file reader, the MNIST loader (any IDX directory and
 * the embedded 10,000-digit sample), and the {@link dev.tapegrad.layers.data.Dataset} value type
 * with seeded shuffling, validation splits and mini-batches.
 */
package dev.tapegrad.layers.data;
