extension Int {
    /// The nearest `Int` to `value`, limited to `bounds`; NaN becomes `bounds.lowerBound`.
    ///
    /// Plots turn data into pixel rows and SVG coordinates, and data from a diverged run can be
    /// ±1e300 or infinite: `Int(Double)` would trap there, this clamps instead.
    public init(clamping value: Double, to bounds: ClosedRange<Int> = -1_000_000_000...1_000_000_000) {
        guard !value.isNaN else {
            self = bounds.lowerBound
            return
        }
        if value <= Double(bounds.lowerBound) {
            self = bounds.lowerBound
        } else if value >= Double(bounds.upperBound) {
            self = bounds.upperBound
        } else {
            self = Int(value.rounded())
        }
    }
}
