#!/usr/bin/env python3
"""Writes the optimizer and schedule reference fixtures for DescentTests.

Run from the repository root with PyTorch 2.13 (CPU):

    python3 scripts/make-fixtures.py

Tests/DescentTests/Fixtures/optimizers.json: for each optimizer configuration,
100 torch.optim steps (float64, foreach=False: the single-tensor path) on two
parameters, a 3x4 matrix W and a 4-vector b, minimizing a smooth nonconvex
loss whose gradient changes every step. It records the initial parameters,
every step's gradients and the parameters after every step, so the Swift test
can replay torch's gradients through the Swift optimizer and compare iterates.

Tests/DescentTests/Fixtures/schedules.json: learning rates of StepLR and
CosineAnnealingLR at each step, for Schedule.step and Schedule.cosine.

Tests/DescentTests/Fixtures/training-rules.json: warm-up (LinearLR, alone and
before CosineAnnealingLR through SequentialLR), OneCycleLR (cycle_momentum off)
rates at each step, ReduceLROnPlateau's rates for given loss sequences, and
gradients before and after clip_grad_norm_ and clip_grad_value_, for
Schedule.warmup, Schedule.oneCycle, PlateauTracker and GradientClipping.
"""
import json
import os

import torch

torch.set_default_dtype(torch.float64)
STEPS = 100
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "DescentTests", "Fixtures")

W0 = [[0.5, -1.2, 0.8, 0.3], [-0.7, 0.9, -0.4, 1.1], [1.3, -0.2, 0.6, -0.9]]
B0 = [0.2, -0.5, 0.7, -0.1]
X = torch.tensor([[0.9, -0.3, 0.5], [-1.1, 0.8, 0.2], [0.4, 1.2, -0.7], [-0.6, -0.9, 1.0], [1.5, 0.1, -0.4]])
Y = torch.tensor([[0.3, -0.6, 0.9, 0.1], [-0.8, 0.4, 0.2, -0.5], [0.6, 0.7, -0.3, 0.2],
                  [-0.2, -0.4, 0.5, 0.8], [0.9, -0.1, -0.7, 0.4]])


def loss_fn(w, b):
    """Smooth and nonconvex: a tanh regression plus sine ripples and a quartic term."""
    fit = ((torch.tanh(X @ w + b) - Y) ** 2).mean()
    return fit + 0.1 * torch.sin(3 * w).sum() + 0.05 * (b ** 4).sum() + 0.02 * torch.cos(2 * b).sum()


# (case name, Swift optimizer, Swift options, torch class, torch kwargs, schedule)
# Options use the Swift labels; an empty dict means every default on both sides.
CASES = [
    ("gd-default", "GD", {}, torch.optim.SGD, {"lr": 0.01}, None),
    ("gd-lr", "GD", {"lr": 0.05}, torch.optim.SGD, {"lr": 0.05}, None),
    ("sgd-default", "SGD", {}, torch.optim.SGD, {}, None),
    ("sgd-lr", "SGD", {"lr": 0.05}, torch.optim.SGD, {"lr": 0.05}, None),
    ("sgd-momentum", "SGD", {"lr": 0.05, "momentum": 0.9}, torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}, None),
    ("sgd-momentum-dampening", "SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.3},
     torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "dampening": 0.3}, None),
    ("sgd-nesterov", "SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True},
     torch.optim.SGD, {"lr": 0.05, "momentum": 0.8, "nesterov": True}, None),
    ("sgd-weight-decay", "SGD", {"lr": 0.05, "momentum": 0.5, "weightDecay": 0.1},
     torch.optim.SGD, {"lr": 0.05, "momentum": 0.5, "weight_decay": 0.1}, None),
    ("sgd-nesterov-weight-decay", "SGD", {"lr": 0.03, "momentum": 0.9, "nesterov": True, "weightDecay": 0.01},
     torch.optim.SGD, {"lr": 0.03, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}, None),
    ("sgd-weight-decay-only", "SGD", {"lr": 0.05, "weightDecay": 0.2},
     torch.optim.SGD, {"lr": 0.05, "weight_decay": 0.2}, None),
    ("adagrad-default", "AdaGrad", {}, torch.optim.Adagrad, {}, None),
    ("adagrad-lr", "AdaGrad", {"lr": 0.1}, torch.optim.Adagrad, {"lr": 0.1}, None),
    ("adagrad-lr-decay", "AdaGrad", {"lr": 0.2, "lrDecay": 0.05}, torch.optim.Adagrad, {"lr": 0.2, "lr_decay": 0.05}, None),
    ("adagrad-accumulator-weight-decay-eps", "AdaGrad",
     {"lr": 0.1, "initialAccumulatorValue": 0.5, "weightDecay": 0.05, "eps": 1e-6},
     torch.optim.Adagrad, {"lr": 0.1, "initial_accumulator_value": 0.5, "weight_decay": 0.05, "eps": 1e-6}, None),
    ("rmsprop-default", "RMSProp", {}, torch.optim.RMSprop, {}, None),
    ("rmsprop-alpha-eps", "RMSProp", {"lr": 0.01, "alpha": 0.9, "eps": 1e-6},
     torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9, "eps": 1e-6}, None),
    ("rmsprop-centered", "RMSProp", {"lr": 0.005, "centered": True}, torch.optim.RMSprop, {"lr": 0.005, "centered": True}, None),
    ("rmsprop-momentum", "RMSProp", {"lr": 0.005, "momentum": 0.9}, torch.optim.RMSprop, {"lr": 0.005, "momentum": 0.9}, None),
    ("rmsprop-centered-momentum-weight-decay", "RMSProp",
     {"lr": 0.003, "centered": True, "momentum": 0.5, "weightDecay": 0.1},
     torch.optim.RMSprop, {"lr": 0.003, "centered": True, "momentum": 0.5, "weight_decay": 0.1}, None),
    ("adadelta-default", "AdaDelta", {}, torch.optim.Adadelta, {}, None),
    ("adadelta-lr-rho-eps", "AdaDelta", {"lr": 0.5, "rho": 0.95, "eps": 1e-5},
     torch.optim.Adadelta, {"lr": 0.5, "rho": 0.95, "eps": 1e-5}, None),
    ("adadelta-weight-decay", "AdaDelta", {"weightDecay": 0.1}, torch.optim.Adadelta, {"weight_decay": 0.1}, None),
    ("adam-default", "Adam", {}, torch.optim.Adam, {}, None),
    ("adam-lr", "Adam", {"lr": 0.05}, torch.optim.Adam, {"lr": 0.05}, None),
    ("adam-betas-eps", "Adam", {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6},
     torch.optim.Adam, {"lr": 0.02, "betas": (0.8, 0.99), "eps": 1e-6}, None),
    ("adam-weight-decay", "Adam", {"lr": 0.02, "weightDecay": 0.1}, torch.optim.Adam, {"lr": 0.02, "weight_decay": 0.1}, None),
    ("adam-amsgrad", "Adam", {"lr": 0.05, "amsgrad": True}, torch.optim.Adam, {"lr": 0.05, "amsgrad": True}, None),
    ("adam-decoupled-weight-decay", "Adam", {"lr": 0.02, "weightDecay": 0.1, "decoupledWeightDecay": True},
     torch.optim.Adam, {"lr": 0.02, "weight_decay": 0.1, "decoupled_weight_decay": True}, None),
    ("adamw-default", "AdamW", {}, torch.optim.AdamW, {}, None),
    ("adamw-lr-weight-decay-amsgrad", "AdamW", {"lr": 0.03, "weightDecay": 0.05, "amsgrad": True},
     torch.optim.AdamW, {"lr": 0.03, "weight_decay": 0.05, "amsgrad": True}, None),
    ("nadam-default", "NAdam", {}, torch.optim.NAdam, {}, None),
    ("nadam-momentum-decay", "NAdam", {"lr": 0.01, "momentumDecay": 0.01},
     torch.optim.NAdam, {"lr": 0.01, "momentum_decay": 0.01}, None),
    ("nadam-weight-decay", "NAdam", {"lr": 0.01, "weightDecay": 0.1}, torch.optim.NAdam, {"lr": 0.01, "weight_decay": 0.1}, None),
    ("nadam-decoupled-weight-decay", "NAdam", {"lr": 0.01, "weightDecay": 0.1, "decoupledWeightDecay": True},
     torch.optim.NAdam, {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}, None),
    ("nadam-betas-eps", "NAdam", {"lr": 0.01, "beta1": 0.95, "beta2": 0.9, "eps": 1e-6},
     torch.optim.NAdam, {"lr": 0.01, "betas": (0.95, 0.9), "eps": 1e-6}, None),
    # A schedule changes lr between steps: SGD's and RMSprop's buffers do not carry lr in torch.
    ("sgd-momentum-step-schedule", "SGD", {"lr": 0.1, "momentum": 0.9},
     torch.optim.SGD, {"lr": 0.1, "momentum": 0.9}, ("step", {"every": 10, "factor": 0.5})),
    ("rmsprop-momentum-step-schedule", "RMSProp", {"lr": 0.01, "momentum": 0.9},
     torch.optim.RMSprop, {"lr": 0.01, "momentum": 0.9}, ("step", {"every": 25, "factor": 0.3})),
    ("adam-cosine-schedule", "Adam", {"lr": 0.05}, torch.optim.Adam, {"lr": 0.05}, ("cosine", {"T": 100, "minLR": 0.001})),
]


def make_scheduler(optimizer, schedule):
    if schedule is None:
        return None
    kind, args = schedule
    if kind == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=args["every"], gamma=args["factor"])
    return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args["T"], eta_min=args["minLR"])


def run_case(name, swift, options, cls, kwargs, schedule):
    w = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    extra = {"foreach": False}
    if cls in (torch.optim.SGD, torch.optim.Adagrad, torch.optim.Adam, torch.optim.AdamW):
        extra["fused"] = False
    optimizer = cls([w, b], **kwargs, **extra)
    scheduler = make_scheduler(optimizer, schedule)
    gradients, parameters, rates = [], [], []
    for _ in range(STEPS):
        rates.append(optimizer.param_groups[0]["lr"])
        optimizer.zero_grad()
        loss_fn(w, b).backward()
        gradients.append([w.grad.flatten().tolist(), b.grad.flatten().tolist()])
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        parameters.append([w.detach().flatten().tolist(), b.detach().flatten().tolist()])
    case = {
        "name": name,
        "optimizer": swift,
        "options": options,
        "torch": f"torch.optim.{cls.__name__}({', '.join(f'{k}={v!r}' for k, v in kwargs.items())})",
        "gradients": gradients,
        "parameters": parameters,
        "rates": rates,
    }
    if schedule is not None:
        case["schedule"] = {"kind": schedule[0], **schedule[1]}
    return case


def schedule_sequences():
    """Learning rates of torch's StepLR and CosineAnnealingLR at steps 0, 1, 2, ..."""
    out = []
    for kind, base, args, steps in [
        ("step", 0.1, {"every": 10, "factor": 0.5}, 60),
        ("step", 1.0, {"every": 7, "factor": 0.9}, 50),
        ("cosine", 0.1, {"T": 50, "minLR": 0.001}, 51),
        ("cosine", 1.0, {"T": 30, "minLR": 0.0}, 31),
    ]:
        parameter = torch.zeros(1, requires_grad=True)
        optimizer = torch.optim.SGD([parameter], lr=base)
        scheduler = make_scheduler(optimizer, (kind, args))
        rates = []
        for _ in range(steps):
            rates.append(scheduler.get_last_lr()[0])
            optimizer.step()
            scheduler.step()
        out.append({"kind": kind, "base": base, **args, "rates": rates})
    return out


def rates_of(base, make, steps):
    """The learning rate torch's scheduler gives at steps 0, 1, 2, ... for a base rate."""
    parameter = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([parameter], lr=base)
    scheduler = make(optimizer)
    rates = []
    for _ in range(steps):
        rates.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return rates


def training_rules():
    lr = torch.optim.lr_scheduler
    warmups = []
    # Up to the end of the cosine: after T torch's cosine rises again, Descent's stays at minLR (docs/descent.md).
    for base, steps, start, then, total in [(0.1, 5, 0.1, None, 20), (1.0, 10, 0.25, None, 30),
                                            (0.05, 8, 0.1, {"T": 40, "minLR": 0.001}, 49)]:
        def make(optimizer, steps=steps, start=start, then=then):
            warm = lr.LinearLR(optimizer, start_factor=start, end_factor=1.0, total_iters=steps)
            if then is None:
                return warm
            cosine = lr.CosineAnnealingLR(optimizer, T_max=then["T"], eta_min=then["minLR"])
            return lr.SequentialLR(optimizer, [warm, cosine], milestones=[steps])
        case = {"base": base, "steps": steps, "from": start, "rates": rates_of(base, make, total)}
        if then is not None:
            case["then"] = then
        warmups.append(case)
    cycles = []
    for base, total, pct, div, final in [(0.1, 100, 0.3, 25.0, 1e4), (1.0, 37, 0.25, 10.0, 100.0), (0.02, 10, 0.5, 5.0, 1e3)]:
        def make(optimizer, base=base, total=total, pct=pct, div=div, final=final):
            return lr.OneCycleLR(optimizer, max_lr=base, total_steps=total, pct_start=pct, div_factor=div,
                                 final_div_factor=final, cycle_momentum=False)
        cycles.append({"base": base, "total": total, "pctStart": pct, "divFactor": div, "finalDivFactor": final,
                       "rates": rates_of(base, make, total)})
    generator = torch.Generator().manual_seed(13)
    clips = []
    for kind, limit, scale in [("norm", 1.0, 1.0), ("norm", 0.5, 3.0), ("norm", 100.0, 1.0), ("value", 0.3, 1.0), ("value", 2.0, 0.5)]:
        grads = [torch.randn(3, 4, generator=generator) * scale, torch.randn(4, generator=generator) * scale]
        before = [g.flatten().tolist() for g in grads]
        parameters = [torch.zeros_like(g, requires_grad=True) for g in grads]
        for p, g in zip(parameters, grads):
            p.grad = g.clone()
        if kind == "norm":
            total = torch.nn.utils.clip_grad_norm_(parameters, max_norm=limit, foreach=False)
        else:
            torch.nn.utils.clip_grad_value_(parameters, clip_value=limit, foreach=False)
            total = None
        clips.append({"kind": kind, "limit": limit, "shapes": [[3, 4], [4]], "before": before,
                      "after": [p.grad.flatten().tolist() for p in parameters],
                      "totalNorm": None if total is None else total.item()})
    plateaus = []
    falling = [1.0 / (1 + k) for k in range(12)]
    flat = [0.08 + 0.001 * ((k * 7) % 5) for k in range(30)]
    noisy = [0.5 * 0.97 ** k + 0.02 * ((k * 13) % 7 - 3) for k in range(60)]
    for base, metrics, options in [
        (0.1, falling + flat, {"factor": 0.5, "patience": 3, "threshold": 1e-3, "cooldown": 0, "minLR": 0.0}),
        (1.0, noisy, {"factor": 0.1, "patience": 2, "threshold": 1e-4, "cooldown": 2, "minLR": 0.005}),
        (0.3, flat + falling, {"factor": 0.7, "patience": 0, "threshold": 0.0, "cooldown": 1, "minLR": 0.0}),
    ]:
        parameter = torch.zeros(1, requires_grad=True)
        optimizer = torch.optim.SGD([parameter], lr=base)
        scheduler = lr.ReduceLROnPlateau(optimizer, mode="min", factor=options["factor"], patience=options["patience"],
                                         threshold=options["threshold"], threshold_mode="rel",
                                         cooldown=options["cooldown"], min_lr=options["minLR"])
        rates = []
        for metric in metrics:
            rates.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            scheduler.step(metric)
        plateaus.append({"base": base, **options, "metrics": metrics, "rates": rates})
    return {"generator": "scripts/make-fixtures.py", "torch": torch.__version__,
            "warmups": warmups, "oneCycles": cycles, "clipping": clips, "plateaus": plateaus}


def main():
    cases = [run_case(*case) for case in CASES]
    fixture = {
        "generator": "scripts/make-fixtures.py",
        "torch": torch.__version__,
        "steps": STEPS,
        "shapes": [[3, 4], [4]],
        "initial": [[x for row in W0 for x in row], B0],
        "cases": cases,
    }
    with open(os.path.join(ROOT, "optimizers.json"), "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    with open(os.path.join(ROOT, "schedules.json"), "w") as f:
        json.dump({"generator": "scripts/make-fixtures.py", "torch": torch.__version__,
                   "schedules": schedule_sequences()}, f, indent=1)
        f.write("\n")
    with open(os.path.join(ROOT, "training-rules.json"), "w") as f:
        json.dump(training_rules(), f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} optimizer cases, the schedule sequences and the training rules to {os.path.normpath(ROOT)}")


if __name__ == "__main__":
    main()
