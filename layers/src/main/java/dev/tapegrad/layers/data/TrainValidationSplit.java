package dev.tapegrad.layers.data;

/**
 * Training data divided into what is still trained on and a held-out validation part for choosing
 * hyperparameters (see {@link Dataset#splitValidation(double, long)}).
 */
public record TrainValidationSplit(Dataset train, Dataset validation) {}
