#!/usr/bin/env python3
"""Reference numbers for the Functions and Classic tests, computed by PyTorch autograd.

Writes Tests/DescentTests/Fixtures/funcs.json:
- "functions": value, gradient and Hessian of each built-in test function at probe
  points (torch.autograd.functional.hessian in float64), an independent check of
  the closed forms and of the Jet.
- "obd": a small tanh network (Dense(3, 4), Tanh, Dense(4, 1), weights stored
  [inputs, outputs] as in Descent) with MSE on fixed data: the exact diagonal of
  the Hessian of the loss with respect to every parameter, and the OBD
  saliencies h * w^2 / 2.

Run: python3 scripts/make-funcs-fixtures.py
"""
import json
import math
import pathlib

import torch

torch.set_default_dtype(torch.float64)

FUNCTIONS = {
    "Rosenbrock": lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    "Beale": lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2,
    "Booth": lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
    "Himmelblau": lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    "Rastrigin": lambda x, y: 20 + x * x - 10 * torch.cos(2 * math.pi * x) + y * y - 10 * torch.cos(2 * math.pi * y),
    "Ravine": lambda x, y: x * x / 20 + y * y,
    "Quadratic(a: 1, b: 10)": lambda x, y: x * x + 10 * y * y,
    "Saddle": lambda x, y: x * x - y * y,
}
POINTS = [[0.5, -0.25], [-1.2, 1.0], [1.7, 2.3], [2.5, -1.5]]


def function_cases():
    cases = []
    for name, f in FUNCTIONS.items():
        g = lambda p: f(p[0], p[1])
        for point in POINTS:
            p = torch.tensor(point, requires_grad=True)
            value = g(p)
            (grad,) = torch.autograd.grad(value, p)
            hessian = torch.autograd.functional.hessian(g, torch.tensor(point))
            cases.append({"name": name, "point": point, "value": value.item(),
                          "gradient": grad.tolist(), "hessian": hessian.flatten().tolist()})
    return cases


def obd_case():
    gen = torch.Generator().manual_seed(3)
    x = torch.randn(8, 3, generator=gen)
    y = torch.randn(8, 1, generator=gen)
    params = [torch.randn(3, 4, generator=gen) * 0.7, torch.randn(4, generator=gen) * 0.1,
              torch.randn(4, 1, generator=gen) * 0.7, torch.randn(1, generator=gen) * 0.1]
    shapes = [p.shape for p in params]
    sizes = [p.numel() for p in params]

    def loss(flat):
        parts = torch.split(flat, sizes)
        w1, b1, w2, b2 = (part.reshape(shape) for part, shape in zip(parts, shapes))
        out = torch.tanh(x @ w1 + b1) @ w2 + b2
        return ((out - y) ** 2).mean()

    flat = torch.cat([p.flatten() for p in params])
    diagonal = torch.diagonal(torch.autograd.functional.hessian(loss, flat))
    saliency = diagonal * flat**2 / 2
    split = lambda t: [part.tolist() for part in torch.split(t, sizes)]
    return {"x": x.tolist(), "y": y.flatten().tolist(), "parameters": split(flat),
            "shapes": [list(s) for s in shapes], "hessianDiagonal": split(diagonal), "saliencies": split(saliency)}


def main():
    out = pathlib.Path(__file__).resolve().parent.parent / "Tests/DescentTests/Fixtures/funcs.json"
    out.write_text(json.dumps({"functions": function_cases(), "obd": obd_case()}, indent=1) + "\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
