#!/usr/bin/env python3
"""Checks `tapegrad infer --net book-chN --predictions FILE.csv` against NumPy.

Runs the book's trained network (ch3: 784-50-100-10 sigmoid; ch7: SimpleConvNet; ch8: DeepConvNet
in inference mode) with plain NumPy on the same MNIST test images, straight from the book's pickles,
and compares every line `index,label,predicted` of the CSV that `infer` wrote. Exit status 0 when
all labels and predictions agree, 1 otherwise.

    python3 book_nets_check.py book-ch7 predictions.csv [--data DIR] [--weights DIR]

Needs only Python 3 and NumPy. The pickles hold NumPy arrays, so unpickling them needs NumPy too.
"""
import argparse
import csv
import gzip
import pickle
import sys
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

# The data that ships with tapegrad: the MNIST sample and the book's pickles, as resources of layers.
SHIPPED = (Path(__file__).resolve().parents[4]
           / "layers/src/main/resources/dev/tapegrad/layers/data")
WEIGHTS = {"book-ch3": "sample_weight.pkl", "book-ch7": "params.pkl",
           "book-ch8": "deep_convnet_params.pkl"}


def read_idx(path):
    """An IDX file (raw or gzipped) as a uint8 array of its declared shape."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        raw = f.read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    rank = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(rank))
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * rank).reshape(shape)


def test_split(directory):
    """The t10k images scaled to [0, 1] as (N, 1, 28, 28) float64, and their labels."""
    def find(base):
        for name in (base, base + ".gz"):
            if (directory / name).is_file():
                return directory / name
        raise FileNotFoundError(f"no {base}[.gz] in {directory}")
    images = read_idx(find("t10k-images-idx3-ubyte")).astype(np.float64) / 255.0
    labels = read_idx(find("t10k-labels-idx1-ubyte")).astype(np.int64)
    return images[:, None, :, :], labels


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def relu(a):
    return np.maximum(a, 0.0)


def convolve(x, w, b, pad):
    """Cross-correlation, stride 1: x (N,C,H,W), w (F,C,k,k) -> (N,F,H',W')."""
    x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    windows = sliding_window_view(x, w.shape[2:], axis=(2, 3))  # (N,C,H',W',k,k)
    return np.einsum("nchwij,fcij->nfhw", windows, w, optimize=True) + b[None, :, None, None]


def max_pool(x):
    """2x2 max pooling with stride 2 (sizes are even here)."""
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))


def scores(net, p, x):
    if net == "book-ch3":
        h = sigmoid(x.reshape(len(x), -1) @ p["W1"] + p["b1"])
        h = sigmoid(h @ p["W2"] + p["b2"])
        return h @ p["W3"] + p["b3"]
    if net == "book-ch7":
        h = max_pool(relu(convolve(x, p["W1"], p["b1"], 0)))
        h = relu(h.reshape(len(x), -1) @ p["W2"] + p["b2"])
        return h @ p["W3"] + p["b3"]
    # book-ch8: six 3x3 convolutions (pad 2 on the fourth), pooling after each pair; the book's
    # dropout scales by (1 - 0.5) at inference, after the hidden affine and after the output one.
    h = x
    for k, pad in enumerate([1, 1, 1, 2, 1, 1], start=1):
        h = relu(convolve(h, p[f"W{k}"], p[f"b{k}"], pad))
        if k % 2 == 0:
            h = max_pool(h)
    h = relu(h.reshape(len(x), -1) @ p["W7"] + p["b7"]) * 0.5
    return (h @ p["W8"] + p["b8"]) * 0.5


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("net", choices=sorted(WEIGHTS))
    parser.add_argument("predictions", type=Path, help="CSV written by infer --predictions")
    parser.add_argument("--data", type=Path, default=SHIPPED / "mnist-sample")
    parser.add_argument("--weights", type=Path, default=SHIPPED / "book-weights")
    args = parser.parse_args()

    with open(args.weights / WEIGHTS[args.net], "rb") as f:
        params = {k: np.asarray(v, np.float64) for k, v in pickle.load(f).items()}
    images, labels = test_split(args.data)
    with open(args.predictions, newline="") as f:
        rows = list(csv.DictReader(f))
    index = np.array([int(r["index"]) for r in rows])
    java_labels = np.array([int(r["label"]) for r in rows])
    java_predicted = np.array([int(r["predicted"]) for r in rows])

    predicted = np.concatenate([scores(args.net, params, images[i:i + 250]).argmax(axis=1)
                                for i in range(0, len(images), 250)])[index]
    label_mismatch = np.nonzero(java_labels != labels[index])[0]
    differ = np.nonzero(java_predicted != predicted)[0]
    correct = int((predicted == labels[index]).sum())
    print(f"{args.net}: {len(rows)} images; NumPy {correct} correct "
          f"(accuracy {correct / len(rows):.4f}); tapegrad "
          f"{int((java_predicted == java_labels).sum())} correct; "
          f"{len(differ)} predictions differ, {len(label_mismatch)} labels differ")
    for i in differ[:10]:
        print(f"  image {index[i]}: tapegrad {java_predicted[i]}, NumPy {predicted[i]}")
    return 0 if len(differ) == 0 and len(label_mismatch) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
