/**
 * The experiments of the book's chapter 6 as reusable pieces, run by the commands of {@code
 * dev.tapegrad.examples.commands}: optimizer paths on the book's bowl, networks trained side by
 * side on the same mini-batches, the activation-histogram stack, the random hyperparameter search,
 * and turning their results into chart series.
 */
package dev.tapegrad.examples.experiments;
