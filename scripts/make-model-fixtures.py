#!/usr/bin/env python3
"""Writes the PyTorch reference numbers for Descent's layers and losses.

Output: Tests/DescentTests/Fixtures/model-losses.json and model-layers.json.
Every case stores its inputs, so the Swift tests need no Python at run time;
the values and gradients come from torch.nn.functional and torch.autograd in
float64. Run from the package root: python3 scripts/make-model-fixtures.py
"""
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(20240607)
DT = torch.float64
OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "DescentTests", "Fixtures")


def tensor_json(t):
    t = t.detach().to(DT)
    return {"shape": list(t.shape), "data": t.reshape(-1).tolist()}


def loss_case(name, loss, fn, output, target, target_in_fn=None):
    """A loss value and its gradient with respect to `output`."""
    output = output.clone().to(DT).requires_grad_(True)
    value = fn(output, target if target_in_fn is None else target_in_fn)
    value.backward()
    return {"name": name, "loss": loss, "output": tensor_json(output), "target": tensor_json(target),
            "value": value.item(), "gradient": tensor_json(output.grad)}


def losses():
    cases = []
    o, t = torch.randn(5, 3, dtype=DT), torch.randn(5, 3, dtype=DT)
    cases.append(loss_case("mse 5x3", "mse", F.mse_loss, o, t))
    cases.append(loss_case("halfSumSquared 5x3", "halfSumSquared",
                           lambda a, b: 0.5 * F.mse_loss(a, b, reduction="sum"), o, t))
    p = torch.sigmoid(torch.randn(6, 1, dtype=DT) * 2)
    y = torch.tensor([[0.], [1.], [1.], [0.], [1.], [0.3]], dtype=DT)
    cases.append(loss_case("bce 6x1", "bce", F.binary_cross_entropy, p, y))
    p_edge = torch.tensor([[0.0], [1.0], [0.0], [1.0], [0.5]], dtype=DT)
    y_edge = torch.tensor([[1.], [0.], [0.], [1.], [1.]], dtype=DT)
    cases.append(loss_case("bce clamped at 0 and 1", "bce", F.binary_cross_entropy, p_edge, y_edge))
    z = torch.cat([torch.randn(5, 1, dtype=DT) * 3, torch.tensor([[60.], [-60.], [800.], [-800.]], dtype=DT)])
    yz = torch.tensor([[1.], [0.], [1.], [0.], [0.25], [0.], [1.], [1.], [0.]], dtype=DT)
    cases.append(loss_case("bceWithLogits incl. large logits", "bceWithLogits",
                           F.binary_cross_entropy_with_logits, z, yz))
    logits = torch.randn(6, 4, dtype=DT) * 2
    logits[0] += 1000.0  # a shifted row must not overflow
    classes = torch.tensor([0, 3, 1, 2, 2, 0])
    cases.append(loss_case("crossEntropy 6x4 indices", "crossEntropy", F.cross_entropy, logits,
                           classes.to(DT).reshape(6, 1), classes))
    soft = torch.softmax(torch.randn(6, 4, dtype=DT), dim=1)
    cases.append(loss_case("crossEntropy 6x4 soft targets", "crossEntropy", F.cross_entropy, logits, soft))
    scores = torch.randn(7, 4, dtype=DT)
    labels = torch.tensor([0, 1, 2, 3, 3, 1, 0])
    cases.append(loss_case("hinge 7x4", "hinge", F.multi_margin_loss, scores,
                           labels.to(DT).reshape(7, 1), labels))
    return cases


def layer_case(name, layer, x, params, fn):
    """Output and gradients of sum(upstream * output) for the input and each parameter."""
    x = x.clone().to(DT).requires_grad_(True)
    params = [p.clone().to(DT).requires_grad_(True) for p in params]
    out = fn(x, *params)
    upstream = torch.randn(out.shape, dtype=DT)
    (out * upstream).sum().backward()
    return {"name": name, "layer": layer, "input": tensor_json(x), "parameters": [tensor_json(p) for p in params],
            "upstream": tensor_json(upstream), "output": tensor_json(out),
            "inputGradient": tensor_json(x.grad), "parameterGradients": [tensor_json(p.grad) for p in params]}


def layers():
    x = torch.randn(4, 3, dtype=DT)
    w = torch.randn(3, 2, dtype=DT)  # Descent's layout [inputs, outputs]; torch's weight is w.T
    b = torch.randn(2, dtype=DT)
    x_mixed = torch.tensor([[-2.0, -0.5, 0.7], [1.5, -1.0, 3.0], [0.2, -3.0, -0.1], [2.0, 0.4, -0.8]], dtype=DT)
    return [
        layer_case("dense 3->2", "dense", x, [w, b], lambda x, w, b: F.linear(x, w.T, b)),
        layer_case("dense 3->2 no bias", "denseNoBias", x, [w], lambda x, w: x @ w),
        layer_case("sigmoid", "sigmoid", x * 3, [], lambda x: torch.sigmoid(x)),
        layer_case("tanh", "tanh", x * 2, [], lambda x: torch.tanh(x)),
        layer_case("relu", "relu", x_mixed, [], lambda x: F.relu(x)),
        layer_case("prelu 0.25", "prelu", x_mixed, [torch.tensor([0.25], dtype=DT)], lambda x, a: F.prelu(x, a)),
    ]


def standardizer():
    x = torch.randn(8, 3, dtype=DT) * torch.tensor([1.0, 10.0, 0.0], dtype=DT) + torch.tensor([5.0, -2.0, 7.0], dtype=DT)
    test = torch.randn(3, 3, dtype=DT)
    mean = x.mean(dim=0)
    std = x.std(dim=0, unbiased=False)
    scale = torch.where(std > 0, std, torch.ones_like(std))
    return {"train": tensor_json(x), "test": tensor_json(test), "mean": tensor_json(mean), "std": tensor_json(std),
            "standardizedTest": tensor_json((test - mean) / scale)}


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "model-losses.json"), "w") as f:
        json.dump({"generator": "scripts/make-model-fixtures.py", "torch": torch.__version__, "cases": losses()}, f, indent=1)
    with open(os.path.join(OUT, "model-layers.json"), "w") as f:
        json.dump({"generator": "scripts/make-model-fixtures.py", "torch": torch.__version__, "cases": layers(),
                   "standardizer": standardizer()}, f, indent=1)


if __name__ == "__main__":
    main()
