#!/usr/bin/env python3
"""Reference timings from PyTorch 2.13 (CPU, float64) for the Descent benchmark.

Run by `make bench` just before the Swift benchmark, which prints both side
by side. Each figure is the median over repeated runs; the work is the same
as the Swift side: an Adam step on 10^7 parameters (default path and
fused=True), an MLP 2-64-64-1 (ReLU, BCE with logits, Adam, batch 32) on
10,000 moons, and an MLP 64-128-10 (softmax cross-entropy, SGD with momentum
0.9, batch 64) on the digits set.
"""
import argparse
import json
import math
import os
import statistics
import time

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "Sources", "Descent", "Resources", "Datasets", "digits.csv")


def median_time(fn, repeats, warmup=2):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def adam_step(n, fused):
    p = torch.nn.Parameter(torch.randn(n, generator=torch.Generator().manual_seed(0)))
    p.grad = torch.randn(n, generator=torch.Generator().manual_seed(1))
    opt = torch.optim.Adam([p], lr=1e-3, fused=fused, foreach=False if not fused else None)
    return median_time(opt.step, repeats=15) / n * 1e9


def moons(n, noise, seed):
    g = torch.Generator().manual_seed(seed)
    half = n // 2
    t1 = torch.rand(half, generator=g) * math.pi
    t2 = torch.rand(n - half, generator=g) * math.pi
    x = torch.cat([torch.stack([torch.cos(t1), torch.sin(t1)], 1),
                   torch.stack([1 - torch.cos(t2), 0.5 - torch.sin(t2)], 1)])
    x += noise * torch.randn(x.shape, generator=g)
    y = torch.cat([torch.zeros(half), torch.ones(n - half)]).unsqueeze(1)
    return x, y


def train_steps(model, loss_fn, opt, x, y, batch, steps):
    g = torch.Generator().manual_seed(0)
    order = torch.randperm(x.shape[0], generator=g)

    def run():
        for i in range(steps):
            start = (i * batch) % (x.shape[0] - batch)
            idx = order[start:start + batch]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
    return median_time(run, repeats=7) / steps * 1e6


def mlp_moons():
    torch.manual_seed(0)
    x, y = moons(10_000, 0.2, 1)
    model = torch.nn.Sequential(torch.nn.Linear(2, 64), torch.nn.ReLU(),
                                torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    return train_steps(model, torch.nn.BCEWithLogitsLoss(), opt, x, y, 32, 300)


def mlp_digits():
    torch.manual_seed(0)
    rows = [list(map(float, line.split(","))) for line in open(DIGITS) if line.strip()]
    data = torch.tensor(rows)
    x, y = data[:, :64] / 16.0, data[:, 64].long()
    model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    return train_steps(model, torch.nn.CrossEntropyLoss(), opt, x, y, 64, 300)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    threads = torch.get_num_threads()
    results = {
        "torch_version": torch.__version__,
        "threads": threads,
        "adam_ns_per_param_default": adam_step(10_000_000, fused=False),
        "adam_ns_per_param_fused": adam_step(10_000_000, fused=True),
        "mlp_moons_us_per_step": mlp_moons(),
        "mlp_digits_us_per_step": mlp_digits(),
    }
    # Descent runs one training on one thread; torch on one thread is the like-for-like
    # figure, and it is also the stable one when other work shares the cores.
    torch.set_num_threads(1)
    results["mlp_moons_us_per_step_1thread"] = mlp_moons()
    results["mlp_digits_us_per_step_1thread"] = mlp_digits()
    torch.set_num_threads(threads)
    if args.json:
        print(json.dumps(results))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
