import Descent

extension BuiltinRegistry {
    /// Descent's vocabulary, area by area, as its files land.
    func registerDescent() {
    }
}
