#!/usr/bin/env bash
# Writes a generated course of N lessons (default 10) into DIR/lessons, for the site benchmark.
# Each lesson has prose with inline and display math, headings, a hidden setup cell, printed
# text, a table, a comparison on a 2-D function (loss table, curves, contour map), a small fit,
# a `norun` cell and a `raises` cell. Usage: scripts/site-fixture.sh DIR [N]
set -euo pipefail
dir=${1:?usage: site-fixture.sh DIR [N]}
count=${2:-10}
mkdir -p "$dir/lessons"
functions=(Rosenbrock Booth Himmelblau Beale Ravine)
{
  echo "title: Generated course"
  echo "authors: [Gradus benchmark]"
  echo "lessons:"
  for i in $(seq 1 "$count"); do printf '  - %02d-lesson.md\n' "$i"; done
} > "$dir/lessons/course.yml"
for i in $(seq 1 "$count"); do
  f=${functions[$(( (i - 1) % ${#functions[@]} ))]}
  cat > "$dir/lessons/$(printf '%02d' "$i")-lesson.md" <<LESSON
---
title: Lesson $i on $f
summary: Gradient descent and its friends on the $f function.
---

# Lesson $i on $f

The gradient step is \$w_{t+1} = w_t - \\eta \\nabla f(w_t)\$ with learning rate \$\\eta > 0\$.
Momentum keeps a velocity:

\$\$
v_{t+1} = \\mu v_t - \\eta \\nabla f(w_t), \\qquad w_{t+1} = w_t + v_{t+1}.
\$\$

## Setup

\`\`\`swift hide
let f = $f()
let start: [Double] = [-1.5, 2.0]
\`\`\`

\`\`\`swift
let lr = 0.001 * Double($i)
print("learning rate", lr, "value at the start", f.value(at: start))
table(columns: ["lesson", "lr"], rows: [[$i, lr], [$i, lr * 2]], title: "settings")
\`\`\`

## Comparison

\`\`\`swift
minimize(f, from: start, steps: 100) {
    GD(lr: 0.001)
    Momentum(lr: 0.001, mu: 0.9)
    Adam(lr: 0.05)
}
\`\`\`

## Training a small network

\`\`\`swift
let data = Moons(count: 200, noise: 0.2, seed: $i).standardized()
let model = Sequential(seed: 3) {
    Dense(2, 8, init: .he)
    ReLU()
    Dense(8, 1, init: .xavier)
}
fit(model, on: data, loss: .bceWithLogits, epochs: 5, batchSize: 32, seed: 4) {
    SGD(lr: 0.1)
    Adam(lr: 0.01)
}
\`\`\`

Pseudo-code is shown but never run:

\`\`\`swift norun
for step in 1...forever { descend() }
\`\`\`

Shapes must agree, so this raises:

\`\`\`swift raises
Tensor([1.0, 2.0]) + Tensor([1.0, 2.0, 3.0])
\`\`\`

The word lesson$i appears only here, for the search test.
LESSON
done
echo "wrote $count lessons to $dir/lessons"
