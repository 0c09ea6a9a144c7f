// Slip: reads H.scalars column by column (b and c swapped), invisible on a symmetric Hessian.
func newtonStep(_ g: Tensor, _ H: Tensor) -> Tensor {
    let a = H.scalars[0], c = H.scalars[1], b = H.scalars[2], d = H.scalars[3]
    let det = a * d - b * c
    let g1 = g.scalars[0], g2 = g.scalars[1]
    return Tensor([-(d * g1 - b * g2) / det, -(-c * g1 + a * g2) / det])
}
