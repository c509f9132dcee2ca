package dev.tapegrad.layers.data;

/** A dataset's training part and its separate test part (MNIST's train and t10k files). */
public record TrainTestSplit(Dataset train, Dataset test) {}
