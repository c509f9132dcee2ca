#!/usr/bin/env python3
"""NumPy reference for tapegrad's benchmarks: the book's networks written the book's way.

Every layer is a class with forward() and backward() over NumPy arrays (Affine, Relu, Sigmoid,
SoftmaxWithLoss, Convolution through im2col, max Pooling, Dropout), the networks keep their
parameters in a dict that the optimizers (SGD, Adam) update in place, and a training step is
``grads = net.gradient(x, t); optimizer.update(net.params, grads)``, float64 throughout.

Modes:
  serve           line protocol used by the Java runner (see serve() below)
  run [ids...]    time workloads here and print medians (--quick for a short pass)
  check           compare every network's backprop gradients with numerical ones

Only Python 3 and NumPy are needed. Workload ids match dev.tapegrad.bench.Workload.
"""

import sys
import time

import numpy as np

BATCH = 100
INFERENCE_IMAGES = 10_000
SEED = 20261123


# ----------------------------------------------------------------------------- im2col


def conv_out_size(size, filt, stride, pad):
    return (size + 2 * pad - filt) // stride + 1


def im2col(images, fh, fw, stride, pad):
    """(N, C, H, W) images to a (N*OH*OW, C*FH*FW) matrix: one row per window, one column per tap."""
    n, c, h, w = images.shape
    oh = conv_out_size(h, fh, stride, pad)
    ow = conv_out_size(w, fw, stride, pad)
    padded = np.pad(images, ((0, 0), (0, 0), (pad, pad), (pad, pad))) if pad else images
    cols = np.empty((n, c, fh, fw, oh, ow))
    for ky in range(fh):
        for kx in range(fw):
            cols[:, :, ky, kx] = padded[:, :, ky:ky + stride * oh:stride, kx:kx + stride * ow:stride]
    return cols.transpose(0, 4, 5, 1, 2, 3).reshape(n * oh * ow, -1)


def col2im(cols, image_shape, fh, fw, stride, pad):
    """Adjoint of im2col: scatter the rows back into images, adding where windows overlap."""
    n, c, h, w = image_shape
    oh = conv_out_size(h, fh, stride, pad)
    ow = conv_out_size(w, fw, stride, pad)
    taps = cols.reshape(n, oh, ow, c, fh, fw).transpose(0, 3, 4, 5, 1, 2)
    padded = np.zeros((n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1))
    for ky in range(fh):
        for kx in range(fw):
            padded[:, :, ky:ky + stride * oh:stride, kx:kx + stride * ow:stride] += taps[:, :, ky, kx]
    return padded[:, :, pad:pad + h, pad:pad + w]


# ----------------------------------------------------------------------------- layers


class Affine:
    def __init__(self, w, b):
        self.params = {"W": w, "b": b}
        self.grads = {}
        self.x = None
        self.input_shape = None

    def forward(self, x, train=True):
        self.input_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        return self.x @ self.params["W"] + self.params["b"]

    def backward(self, dout):
        self.grads["W"] = self.x.T @ dout
        self.grads["b"] = dout.sum(axis=0)
        return (dout @ self.params["W"].T).reshape(self.input_shape)


class Relu:
    params = {}

    def __init__(self):
        self.mask = None

    def forward(self, x, train=True):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0
        return dout


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class Sigmoid:
    params = {}

    def __init__(self):
        self.out = None

    def forward(self, x, train=True):
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        return dout * self.out * (1 - self.out)


class Dropout:
    """The book's dropout: train x*mask with mask = rand > ratio, evaluate x*(1 - ratio)."""

    params = {}

    def __init__(self, ratio, rng):
        self.ratio = ratio
        self.rng = rng
        self.mask = None

    def forward(self, x, train=True):
        if train:
            self.mask = self.rng.random(x.shape) > self.ratio
            return x * self.mask
        return x * (1 - self.ratio)

    def backward(self, dout):
        return dout * self.mask


class Convolution:
    def __init__(self, w, b, stride=1, pad=0):
        self.params = {"W": w, "b": b}
        self.grads = {}
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.cols = None
        self.flat_w = None

    def forward(self, x, train=True):
        fn, _, fh, fw = self.params["W"].shape
        n, _, h, w = x.shape
        oh = conv_out_size(h, fh, self.stride, self.pad)
        ow = conv_out_size(w, fw, self.stride, self.pad)
        self.x_shape = x.shape
        self.cols = im2col(x, fh, fw, self.stride, self.pad)
        self.flat_w = self.params["W"].reshape(fn, -1).T
        out = self.cols @ self.flat_w + self.params["b"]
        return out.reshape(n, oh, ow, -1).transpose(0, 3, 1, 2)

    def backward(self, dout):
        fn, c, fh, fw = self.params["W"].shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
        self.grads["b"] = dout.sum(axis=0)
        self.grads["W"] = (self.cols.T @ dout).transpose(1, 0).reshape(fn, c, fh, fw)
        dcols = dout @ self.flat_w.T
        return col2im(dcols, self.x_shape, fh, fw, self.stride, self.pad)


class Pooling:
    """Max pooling; the gradient goes to the first maximum of each window."""

    params = {}

    def __init__(self, ph, pw, stride=1, pad=0):
        self.ph, self.pw, self.stride, self.pad = ph, pw, stride, pad
        self.x_shape = None
        self.argmax = None

    def forward(self, x, train=True):
        n, c, h, w = x.shape
        oh = conv_out_size(h, self.ph, self.stride, self.pad)
        ow = conv_out_size(w, self.pw, self.stride, self.pad)
        windows = im2col(x, self.ph, self.pw, self.stride, self.pad).reshape(-1, self.ph * self.pw)
        self.x_shape = x.shape
        self.argmax = np.argmax(windows, axis=1)
        out = np.max(windows, axis=1)
        return out.reshape(n, oh, ow, c).transpose(0, 3, 1, 2)

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)
        size = self.ph * self.pw
        dwindows = np.zeros((dout.size, size))
        dwindows[np.arange(self.argmax.size), self.argmax.flatten()] = dout.flatten()
        dcols = dwindows.reshape(dout.shape + (size,)).reshape(dout.shape[0] * dout.shape[1] * dout.shape[2], -1)
        return col2im(dcols, self.x_shape, self.ph, self.pw, self.stride, self.pad)


def softmax(x):
    shifted = x - x.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


class SoftmaxWithLoss:
    def __init__(self, delta=1e-7):
        self.delta = delta  # the book's guard inside log(y + delta)
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        batch = x.shape[0]
        return -np.sum(np.log(self.y[np.arange(batch), t] + self.delta)) / batch

    def backward(self, dout=1):
        batch = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(batch), self.t] -= 1
        return dout * dx / batch


# ----------------------------------------------------------------------------- networks


class LayeredNet:
    """Layers in order with a SoftmaxWithLoss on top; params named like the book's (W1, b1, ...)."""

    def __init__(self, layers):
        self.layers = layers
        self.last_layer = SoftmaxWithLoss()
        self.params = {}
        self.names = {}
        index = 0
        for layer in layers:
            if layer.params:
                index += 1
                for key, value in layer.params.items():
                    self.params[key + str(index)] = value
                    self.names[key + str(index)] = (layer, key)

    def predict(self, x, train=False):
        for layer in self.layers:
            x = layer.forward(x, train)
        return x

    def loss(self, x, t, train=True):
        return self.last_layer.forward(self.predict(x, train), t)

    def gradient(self, x, t):
        self.loss(x, t, train=True)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return {name: layer.grads[key] for name, (layer, key) in self.names.items()}


def normal(rng, std, *shape):
    return std * rng.standard_normal(shape)


def two_layer_net(rng, sizes=(784, 50, 10), std=0.01):
    i, h, o = sizes
    return LayeredNet([
        Affine(normal(rng, std, i, h), np.zeros(h)),
        Relu(),
        Affine(normal(rng, std, h, o), np.zeros(o)),
    ])


def multi_layer_net(rng, sizes=(784, 100, 100, 100, 100, 10)):
    """The book's MultiLayerNet with activation 'relu' and He initialisation (std sqrt(2/fan-in))."""
    layers = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        layers.append(Affine(normal(rng, np.sqrt(2.0 / fan_in), fan_in, fan_out), np.zeros(fan_out)))
        layers.append(Relu())
    return LayeredNet(layers[:-1])


def simple_conv_net(rng, input_dim=(1, 28, 28), filters=30, size=5, hidden=100, classes=10, std=0.01):
    c, h, _ = input_dim
    conv_out = conv_out_size(h, size, 1, 0)
    pooled = filters * (conv_out // 2) * (conv_out // 2)
    return LayeredNet([
        Convolution(normal(rng, std, filters, c, size, size), np.zeros(filters), 1, 0),
        Relu(),
        Pooling(2, 2, stride=2),
        Affine(normal(rng, std, pooled, hidden), np.zeros(hidden)),
        Relu(),
        Affine(normal(rng, std, hidden, classes), np.zeros(classes)),
    ])


def deep_conv_net(rng):
    """The book's chapter-8 network for (1, 28, 28) input, He initialisation, dropout 0.5."""
    convs = [(16, 1), (16, 1), (32, 1), (32, 2), (64, 1), (64, 1)]
    layers = []
    channels, size = 1, 28
    for i, (filters, pad) in enumerate(convs):
        std = np.sqrt(2.0 / (channels * 9))
        layers += [Convolution(normal(rng, std, filters, channels, 3, 3), np.zeros(filters), 1, pad), Relu()]
        channels, size = filters, size + 2 * pad - 2
        if i % 2 == 1:
            layers.append(Pooling(2, 2, stride=2))
            size //= 2
    features = channels * size * size
    layers += [
        Affine(normal(rng, np.sqrt(2.0 / features), features, 50), np.zeros(50)),
        Relu(),
        Dropout(0.5, rng),
        Affine(normal(rng, np.sqrt(2.0 / 50), 50, 10), np.zeros(10)),
        Dropout(0.5, rng),
    ]
    return LayeredNet(layers)


# ----------------------------------------------------------------------------- optimizers


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * grads[key]


class Adam:
    """Adam with the bias correction folded into the learning rate, as the book's code does."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.t = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(value) for key, value in params.items()}
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        self.t += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.t) / (1.0 - self.beta1 ** self.t)
        for key in params:
            g = grads[key]
            self.m[key] += (1 - self.beta1) * (g - self.m[key])
            self.v[key] += (1 - self.beta2) * (g ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


# ----------------------------------------------------------------------------- workloads


def training_step(net, optimizer, x, t):
    def step():
        grads = net.gradient(x, t)
        optimizer.update(net.params, grads)

    return step


def inference_pass(batch_size, rng):
    """The book's chapter-3 loop: predict every image (sigmoid, sigmoid, softmax), count hits."""
    w1, b1 = normal(rng, 0.01, 784, 50), np.zeros(50)
    w2, b2 = normal(rng, 0.01, 50, 100), np.zeros(100)
    w3, b3 = normal(rng, 0.01, 100, 10), np.zeros(10)
    x = rng.random((INFERENCE_IMAGES, 784))
    t = rng.integers(0, 10, INFERENCE_IMAGES)

    def predict(images):
        z1 = sigmoid(images @ w1 + b1)
        z2 = sigmoid(z1 @ w2 + b2)
        return softmax(z2 @ w3 + b3)

    def run():
        correct = 0
        if batch_size == 1:
            for i in range(len(x)):
                correct += int(np.argmax(predict(x[i])) == t[i])
        else:
            for start in range(0, len(x), batch_size):
                p = np.argmax(predict(x[start:start + batch_size]), axis=1)
                correct += int(np.sum(p == t[start:start + batch_size]))
        return correct

    return run


def gemm(m, k, n, rng):
    a = rng.standard_normal((m, k))
    b = rng.standard_normal((k, n))
    return lambda: a @ b


def prepare(workload):
    rng = np.random.default_rng(SEED)
    flat = lambda: rng.random((BATCH, 784))
    images = lambda: rng.random((BATCH, 1, 28, 28))
    labels = lambda: rng.integers(0, 10, BATCH)
    if workload == "two-layer-sgd":
        return training_step(two_layer_net(rng), SGD(0.1), flat(), labels())
    if workload == "mlp-adam":
        return training_step(multi_layer_net(rng), Adam(), flat(), labels())
    if workload == "simple-conv-adam":
        return training_step(simple_conv_net(rng), Adam(), images(), labels())
    if workload == "deep-conv-adam":
        return training_step(deep_conv_net(rng), Adam(), images(), labels())
    if workload == "infer-b100":
        return inference_pass(100, rng)
    if workload == "infer-b1":
        return inference_pass(1, rng)
    if workload.startswith("gemm-"):
        dims = workload[len("gemm-"):]
        m, k, n = (1024, 1024, 1024) if dims == "1024" else map(int, dims.split("x"))
        return gemm(m, k, n, rng)
    raise ValueError("unknown workload '%s'" % workload)


WORKLOADS = ["two-layer-sgd", "mlp-adam", "simple-conv-adam", "deep-conv-adam", "infer-b100",
             "infer-b1", "gemm-100x784x50", "gemm-100x4320x100", "gemm-57600x25x30", "gemm-1024"]


def measure(step, warmup_seconds, min_warmup, measure_seconds, min_samples, max_samples):
    """Same plan as the Java LoopTimer: un-timed warm-up, then each repetition timed alone (ms)."""
    warmup_end = time.perf_counter() + warmup_seconds
    warmed = 0
    while warmed < min_warmup or time.perf_counter() < warmup_end:
        step()
        warmed += 1
    times = []
    measure_end = time.perf_counter() + measure_seconds
    while len(times) < max_samples and (len(times) < min_samples or time.perf_counter() < measure_end):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1e3)
    return times


def backend():
    blas = "unknown BLAS"
    try:
        info = np.__config__.CONFIG["Build Dependencies"]["blas"]
        blas = "%s %s" % (info.get("name", "?"), info.get("version", "?"))
    except (AttributeError, KeyError, TypeError):
        pass
    return "NumPy %s on Python %s, %s" % (np.__version__, sys.version.split()[0], blas)


def serve():
    """Line protocol for the Java runner.

    Prints 'ready <backend>' once, then answers each command line:
      measure <id> <warmup s> <min warm-up> <measure s> <min samples> <max samples>
        -> 'samples <id> <ms> <ms> ...' or 'error <id> <message>'
      quit -> exits
    """
    print("ready " + backend(), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            return
        if words[0] != "measure" or len(words) != 7:
            print("error - bad command: %s" % line.strip(), flush=True)
            continue
        workload = words[1]
        try:
            times = measure(prepare(workload), float(words[2]), int(words[3]), float(words[4]),
                            int(words[5]), int(words[6]))
            print("samples %s %s" % (workload, " ".join("%.6f" % v for v in times)), flush=True)
        except Exception as e:  # report, keep serving the other workloads
            print("error %s %s" % (workload, repr(e).replace("\n", " ")), flush=True)


def run(args):
    quick = "--quick" in args
    ids = [a for a in args if not a.startswith("--")] or WORKLOADS
    plan = (1, 1, 1.5, 3, 500) if quick else (3, 2, 5, 5, 2000)
    print(backend())
    for workload in ids:
        times = measure(prepare(workload), *plan)
        print("%-20s median %10.3f ms  (%d samples)" % (workload, float(np.median(times)), len(times)))


# ----------------------------------------------------------------------------- gradient check


def numerical_check(net, x, t, h, samples_per_param=6):
    """Largest relative error between backprop and central differences on sampled entries."""
    dropouts = [layer for layer in net.layers if isinstance(layer, Dropout)]

    def reseed():
        for layer in dropouts:
            layer.rng = np.random.default_rng(7)

    reseed()
    grads = net.gradient(x, t)
    rng = np.random.default_rng(1)
    worst = 0.0
    for name, param in net.params.items():
        flat = param.reshape(-1)
        for index in rng.choice(flat.size, min(samples_per_param, flat.size), replace=False):
            saved = flat[index]
            flat[index] = saved + h
            reseed()
            plus = net.loss(x, t)
            flat[index] = saved - h
            reseed()
            minus = net.loss(x, t)
            flat[index] = saved
            numeric = (plus - minus) / (2 * h)
            analytic = grads[name].reshape(-1)[index]
            scale = max(abs(numeric), abs(analytic), 1e-8)
            worst = max(worst, abs(numeric - analytic) / scale if scale > 1e-6 else abs(numeric - analytic))
    return worst


def check():
    rng = np.random.default_rng(3)
    cases = [
        ("TwoLayerNet", two_layer_net(rng, (12, 7, 4), std=0.5), rng.random((5, 12)), 4, 1e-5),
        ("MultiLayerNet", multi_layer_net(rng, (12, 8, 8, 8, 8, 4)), rng.random((5, 12)), 4, 1e-5),
        ("SimpleConvNet", simple_conv_net(rng, (2, 10, 10), filters=3, size=3, hidden=6, classes=4, std=0.3),
         rng.random((3, 2, 10, 10)), 4, 1e-5),
        ("DeepConvNet", deep_conv_net(rng), rng.random((2, 1, 28, 28)), 10, 1e-6),
    ]
    failed = 0
    for name, net, x, classes, h in cases:
        # The book's backward (y - t) is the exact gradient of log(y), not of its log(y + 1e-7).
        net.last_layer.delta = 0.0
        t = rng.integers(0, classes, x.shape[0])
        error = numerical_check(net, x, t, h)
        ok = error < 1e-4
        failed += not ok
        print("%-14s max relative error %.2e %s" % (name, error, "ok" if ok else "FAILED"))
    # col2im must be the adjoint of im2col: <im2col(x), c> == <x, col2im(c)>.
    x = rng.standard_normal((2, 3, 9, 8))
    cols = rng.standard_normal(im2col(x, 3, 2, 2, 1).shape)
    lhs = np.sum(im2col(x, 3, 2, 2, 1) * cols)
    rhs = np.sum(x * col2im(cols, x.shape, 3, 2, 2, 1))
    adjoint_ok = abs(lhs - rhs) < 1e-9 * max(1.0, abs(lhs))
    failed += not adjoint_ok
    print("im2col/col2im  adjoint %s" % ("ok" if adjoint_ok else "FAILED"))
    return 1 if failed else 0


def main(argv):
    mode = argv[1] if len(argv) > 1 else "run"
    if mode == "serve":
        serve()
        return 0
    if mode == "run":
        run(argv[2:])
        return 0
    if mode == "check":
        return check()
    print(__doc__)
    return 0 if mode in ("-h", "--help", "help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
