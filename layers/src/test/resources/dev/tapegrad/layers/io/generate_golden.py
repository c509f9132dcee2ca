"""Writes the golden NumPy files next to this script (run: python3 generate_golden.py).

Written with NumPy 2.4.6; the tests assert the values below, so keep the two in step.
"""
import os
import collections
import pickle
import types

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


arrays = {
    "w": np.array([[1.5, -0.0, np.nan], [np.inf, -np.inf, 1e-300]]),
    "f32": np.array([0.1, -2.5, 3.4028235e38], dtype="<f4"),
    "i64": np.array([-3, 0, 2**53, 7], dtype="<i8"),
    "fortran": np.asfortranarray(np.arange(24, dtype=np.float64).reshape(2, 3, 4)),
    "fortran_f4": np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3) * 0.5),
    "scalar": np.array(3.25),
    "be_f8": np.array([1.0, -2.0], dtype=">f8"),
    "be_i4": np.array([1, -2, 65536], dtype=">i4"),
    "u1": np.array([0, 255, 128], dtype=np.uint8),
    "i1": np.array([-128, 127], dtype=np.int8),
    "i2": np.array([-32768, 32767], dtype="<i2"),
    "u2": np.array([65535], dtype="<u2"),
    "u4": np.array([4294967295], dtype="<u4"),
    "u8": np.array([2**63, 2**64 - 2048], dtype="<u8"),
    "flags": np.array([True, False, True]),
    "empty": np.zeros((0, 3)),
    "adam/m/Affine1.W": np.array([[1.0, 2.0], [3.0, 4.0]]),
}
assert arrays["fortran"].flags.f_contiguous and not arrays["fortran"].flags.c_contiguous

np.savez(path("golden_savez.npz"), **arrays)
np.savez_compressed(path("golden_savez_compressed.npz"), **arrays)

# Single arrays in format versions 2.0 and 3.0 (Fortran-order float32, big-endian int64).
for version in [(2, 0), (3, 0)]:
    with open(path("golden_v%d.npy" % version[0]), "wb") as f:
        np.lib.format.write_array(f, arrays["fortran_f4"], version=version)
with open(path("golden_be_i8.npy"), "wb") as f:
    np.lib.format.write_array(f, np.array([[-1, 2], [3, -4]], dtype=">i8"), version=(1, 0))

# What np.save writes for C-order float64 arrays: our writer must produce the same bytes.
np.save(path("np_save_2x3.npy"), np.arange(6, dtype=np.float64).reshape(2, 3) / 4)
np.save(path("np_save_scalar.npy"), np.array(-7.5))
np.save(path("np_save_vector.npy"), np.array([1.0, 2.0, 3.0]))
np.save(path("np_save_4d.npy"), np.arange(120, dtype=np.float64).reshape(2, 3, 4, 5))
np.save(path("np_save_empty.npy"), np.zeros((0, 5)))

# Pickled dicts of arrays in every protocol NumPy arrays use (dict order: b, W, n).
weights = {
    "b": np.array([0.5, -1.25, 3.0]),
    "W": np.asfortranarray(np.array([[1, 2, 3], [4, 5, 6]], dtype="<f4") / 8),
    "n": np.array([-5, 2**40], dtype="<i8"),
}
for protocol in (2, 3, 4, 5):
    with open(path("weights_p%d.pkl" % protocol), "wb") as f:
        pickle.dump(weights, f, protocol=protocol)

# An OrderedDict holding a NumPy scalar and an array.
with open(path("ordered_scalar.pkl"), "wb") as f:
    pickle.dump(collections.OrderedDict([("lr", np.float64(0.01)), ("v", np.array([2.0]))]), f)

# Pickles that are not dicts of numeric arrays.
bad = {
    "bad_list.pkl": [np.zeros(2)],
    "bad_value.pkl": {"W": np.zeros(2), "lr": 0.01},
    "bad_key.pkl": {1: np.zeros(2)},
    "bad_object_array.pkl": {"W": np.array([1, "a"], dtype=object)},
    "bad_structured.pkl": {"W": np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")])},
    "bad_complex.pkl": {"W": np.zeros(2, dtype=np.complex128)},
    "bad_object.pkl": types.SimpleNamespace(W=np.zeros(2)),
}
for name, value in bad.items():
    with open(path(name), "wb") as f:
        pickle.dump(value, f, protocol=4)
