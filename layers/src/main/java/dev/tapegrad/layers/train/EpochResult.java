package dev.tapegrad.layers.train;

/**
 * One evaluation during training: epoch 0 is before any update. {@code meanLoss} is the mean of the
 * epoch's mini-batch losses (NaN for epoch 0); accuracies are measured in evaluation mode.
 */
public record EpochResult(
    int epoch, double meanLoss, double trainAccuracy, double testAccuracy, double seconds) {}
