// Slip: divides by the diagonal only (the adaptive methods' approximation), ignoring b and c.
func newtonStep(_ g: Tensor, _ H: Tensor) -> Tensor {
    return Tensor([-g.scalars[0] / H.scalars[0], -g.scalars[1] / H.scalars[3]])
}
