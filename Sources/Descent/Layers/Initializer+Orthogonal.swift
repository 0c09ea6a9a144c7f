/// The QR step behind `Initializer.orthogonal`.
///
/// Gram–Schmidt yields the QR factor whose R has a positive diagonal, which is
/// exactly Householder QR followed by torch's sign correction (Q·sign(diag R)),
/// so the result has the same (Haar) distribution as `torch.nn.init.orthogonal_`.
/// Each column is orthogonalized twice ("twice is enough", Giraud et al. 2005),
/// which keeps QᵀQ = I to about 1e-15 where a single pass can lose digits.
extension Initializer {
    /// A `[rows, columns]` matrix with orthonormal columns (tall) or rows (wide),
    /// from a standard normal matrix drawn in row-major order.
    static func orthogonal(rows: Int, columns: Int, _ random: inout RandomSource) -> [Double] {
        var gaussian = [Double](repeating: 0, count: rows * columns)
        for i in 0..<gaussian.count { gaussian[i] = random.normal() }
        // Work on the tall orientation, as torch does, and transpose back at the end.
        let wide = rows < columns
        let (m, n) = wide ? (columns, rows) : (rows, columns)
        // vectors[j] is column j of the tall m×n matrix.
        var vectors: [[Double]] = (0..<n).map { j in
            (0..<m).map { i in wide ? gaussian[j * columns + i] : gaussian[i * columns + j] }
        }
        for j in 0..<n {
            var v = vectors[j]
            for _ in 0..<2 {
                for k in 0..<j {
                    let q = vectors[k]
                    var dot = 0.0
                    for i in 0..<m { dot += q[i] * v[i] }
                    for i in 0..<m { v[i] -= dot * q[i] }
                }
            }
            var norm = 0.0
            for i in 0..<m { norm += v[i] * v[i] }
            norm = norm.squareRoot()
            // A zero column has probability 0 for Gaussian input; keep it zero rather than divide by 0.
            if norm > 0 { for i in 0..<m { v[i] /= norm } }
            vectors[j] = v
        }
        var out = [Double](repeating: 0, count: rows * columns)
        for j in 0..<n {
            for i in 0..<m {
                if wide { out[j * columns + i] = vectors[j][i] } else { out[i * columns + j] = vectors[j][i] }
            }
        }
        return out
    }
}
