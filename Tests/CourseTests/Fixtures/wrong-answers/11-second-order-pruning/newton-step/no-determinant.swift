// Slip: multiplies by the adjugate and forgets to divide by the determinant.
func newtonStep(_ g: Tensor, _ H: Tensor) -> Tensor {
    let a = H.scalars[0], b = H.scalars[1], c = H.scalars[2], d = H.scalars[3]
    let g1 = g.scalars[0], g2 = g.scalars[1]
    return Tensor([-(d * g1 - b * g2), -(-c * g1 + a * g2)])
}
