import Descent

extension BuiltinRegistry {
    /// `Set`'s members: membership and the algebra by hash, everything else as an array's.
    ///
    /// A set answers the sequence algorithms (`map`, `sorted`, `reduce`, `min`, …) as Swift's
    /// does, so those are the array's own bodies run on the elements; only what a set does
    /// differently is written here: `filter` keeps a `Set`, `contains` looks up a hash, and
    /// the index-based members (`last`, `indices`, `firstIndex`, the mutating ones) are absent,
    /// as in Swift. Registered after every array member exists.
    func registerSets() {
        registerSetMutations()
        registerSetAlgebra()
        method(of: "Set", "contains", ["_member"]) { receiver, args in
            let set = Self.set(receiver)
            return .bool(set.contains(try Self.element(args, "member", like: set)))
        }
        method(of: "Set", "filter", ["{_isIncluded"]) { receiver, args in
            let function = try args.function("isIncluded")
            return .set(try Self.set(receiver).filtered {
                guard case let .bool(keep) = try args.interpreter.call(function, with: [$0], at: args.call) else {
                    throw SnippetError("the closure given to filter must return a Bool")
                }
                return keep
            })
        }
        let indexed: Set<String> = ["last", "indices", "firstIndex", "lastIndex"]
        for (name, getter) in getters["Array"] ?? [:] where !indexed.contains(name) && getters["Set"]?[name] == nil {
            self.getter(of: "Set", name) { value in try getter(.array(Self.set(value).elements)) }
        }
        for (name, overloads) in methods["Array"] ?? [:] where !indexed.contains(name) {
            let own = (methods["Set"]?[name] ?? []).map { $0.signature.display(name) }
            for overload in overloads where !overload.isMutating && !own.contains(overload.signature.display(name)) {
                method(of: "Set", name, overload.signature) { receiver, args in
                    var elements = Value.array(Self.set(receiver).elements)
                    return try overload.body(&elements, args)
                }
            }
        }
    }

    private func registerSetMutations() {
        method(of: "Set", "insert", ["_newMember"], mutating: true) { receiver, args in
            var set = Self.set(receiver)
            let member = try Self.element(args, "newMember", like: set)
            try Footprint.charge(try Footprint.bytes(of: member) + Footprint.indexEntry, for: "inserting into this set")
            receiver = .void
            defer { receiver = .set(set) }
            let inserted = try set.insert(member)
            return .tuple([.bool(inserted), member], labels: ["inserted", "memberAfterInsert"])
        }
        method(of: "Set", "remove", ["_member"], mutating: true) { receiver, args in
            var set = Self.set(receiver)
            receiver = .void
            defer { receiver = .set(set) }
            return .optional(set.remove(try Self.element(args, "member", like: set)))
        }
        method(of: "Set", "removeAll", [], mutating: true) { receiver, _ in
            receiver = .set(SetValue())
            return .void
        }
        for operation in SetOperation.allCases {
            method(of: "Set", operation.inPlaceName, ["_other"], mutating: true) { receiver, args in
                let result = try Self.set(receiver).applying(operation, try self.otherSet(args))
                receiver = .set(result)
                return .void
            }
        }
    }

    private func registerSetAlgebra() {
        for operation in SetOperation.allCases {
            method(of: "Set", operation.rawValue, ["_other"]) { receiver, args in
                let result = try Self.set(receiver).applying(operation, try self.otherSet(args))
                try Footprint.require(.set(result), for: "the result of \(operation.rawValue)")
                return .set(result)
            }
        }
        let tests: [(String, String, (SetValue, SetValue) -> Bool)] = [
            ("isSubset", "of", { $0.isSubset(of: $1) }),
            ("isSuperset", "of", { $1.isSubset(of: $0) }),
            ("isStrictSubset", "of", { $0.isSubset(of: $1) && $0.count < $1.count }),
            ("isStrictSuperset", "of", { $1.isSubset(of: $0) && $1.count < $0.count }),
            ("isDisjoint", "with", { $0.isDisjoint(with: $1) }),
        ]
        for (name, label, test) in tests {
            method(of: "Set", name, [label]) { receiver, args in
                .bool(test(Self.set(receiver), try self.otherSet(args, label)))
            }
        }
    }

    /// The set a value holds; the registry only calls Set members on sets.
    private static func set(_ value: Value) -> SetValue {
        if case let .set(set) = value { return set }
        return SetValue()
    }

    /// An element argument; `.north` takes the type of the set's elements, as Swift infers it.
    private static func element(_ args: Arguments, _ name: String, like set: SetValue) throws -> Value {
        let value = try args.value(name)
        guard case let .implicitMember(member) = value else { return value }
        guard let type = set.elementType ?? set.elements.first.flatMap(args.interpreter.userType(of:)) else {
            throw SnippetError("cannot infer the type of '.\(member.name)' here; write the type's name before it, e.g. `TypeName.\(member.name)`", at: args.node(name))
        }
        return try args.interpreter.resolveImplicit(member, as: type)
    }

    /// The argument of an algebra method as a set: Swift accepts any sequence there (`a.union([4, 5])`).
    private func otherSet(_ args: Arguments, _ name: String = "other") throws -> SetValue {
        let value = try args.value(name)
        if case let .set(set) = value { return set }
        do {
            return try SetValue(try sequence(args, name))
        } catch let error as SnippetError {
            throw error.located(at: args.node(name))
        }
    }
}
