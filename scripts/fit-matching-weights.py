#!/usr/bin/env python3
"""Fits the matching score's feature weights by logistic regression.

The weights in src/core/matching/score.rs (WEIGHTS) are the log-odds that
each piece of evidence adds. They are fitted here on one seed of the
synthetic benchmark (the dev seed), and the benchmark is then reported on
other seeds, so the figures are not measured on the data the weights saw:

    DUMP=/tmp/pairs.csv target/release/bench-matching 3000 1 >/dev/null
    python3 scripts/fit-matching-weights.py /tmp/pairs.csv

Each line of the dump is one candidate pair from blocking that the names do
not rule out: its truth (same real person or not), the kind of real person,
and its feature values. Newton's method with a small L2 penalty; numpy only.
Prints the weights as the Rust array to paste.
"""
import sys

import numpy as np


def fit(x, y, l2=1.0, iterations=40):
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (y - p) - l2 * w
        hess = (x * (p * (1.0 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w += step
        if np.abs(step).max() < 1e-6:
            break
    return w


def main(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    names = header[2:]
    data = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=None, encoding="utf-8")
    y = np.array([row[0] for row in data], dtype=float)
    x = np.array([[row[i] for i in range(2, len(header))] for row in data], dtype=float)
    # Features that never occur cannot be fitted: keep their weight at 0.
    used = np.abs(x).sum(axis=0) > 0
    w = np.zeros(len(names))
    w[used] = fit(x[:, used], y)
    print(f"// fitted on {len(y)} pairs ({int(y.sum())} true) from {path}")
    for name, value in zip(names, w):
        print(f"    {value:.2f}, // {name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pairs.csv")
