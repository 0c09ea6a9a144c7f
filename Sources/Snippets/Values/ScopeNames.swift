/// The names one scope defines, with their bindings, in the order they were defined.
///
/// Every name a cell uses is looked up scope by scope, innermost first, and most scopes (a loop
/// body, a closure, a method) hold a handful of names or none: comparing a few short strings is
/// cheaper than hashing the name once per scope, which was a fifth of a struct-heavy cell's time.
/// A scope that grows past `indexedFrom` names (a lesson's global scope) gets a hash index too.
struct ScopeNames {
    private(set) var names: [String] = []
    private var bindings: [Binding] = []
    private var index: [String: Int]?

    /// Scopes with more names than this are searched through a dictionary.
    static let indexedFrom = 12

    var isEmpty: Bool { names.isEmpty }

    /// The binding `name` has in this scope, or nil.
    subscript(name: String) -> Binding? {
        get { position(of: name).map { bindings[$0] } }
        set {
            if let position = position(of: name) {
                if let newValue {
                    bindings[position] = newValue
                } else {
                    names.remove(at: position)
                    bindings.remove(at: position)
                    index = nil
                    buildIndexIfLarge()
                }
            } else if let newValue {
                names.append(name)
                bindings.append(newValue)
                index?[name] = names.count - 1
                buildIndexIfLarge()
            }
        }
    }

    /// Each name with its binding, in definition order.
    var entries: Zip2Sequence<[String], [Binding]> { zip(names, bindings) }

    private func position(of name: String) -> Int? {
        if let index { return index[name] }
        return names.firstIndex(of: name)
    }

    private mutating func buildIndexIfLarge() {
        guard index == nil, names.count > Self.indexedFrom else { return }
        var built: [String: Int] = [:]
        built.reserveCapacity(names.count * 2)
        for (position, name) in names.enumerated() { built[name] = position }
        index = built
    }
}
