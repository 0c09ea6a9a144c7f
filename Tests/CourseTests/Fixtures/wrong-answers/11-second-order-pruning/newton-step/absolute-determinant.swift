// Slip: divides by |det|, right for a positive-definite Hessian and wrong when det < 0.
func newtonStep(_ g: Tensor, _ H: Tensor) -> Tensor {
    let a = H.scalars[0], b = H.scalars[1], c = H.scalars[2], d = H.scalars[3]
    let det = abs(a * d - b * c)
    let g1 = g.scalars[0], g2 = g.scalars[1]
    return Tensor([-(d * g1 - b * g2) / det, -(-c * g1 + a * g2) / det])
}
