import Descent

extension BuiltinRegistry {
    /// `prefix`, `suffix`, `dropFirst`, `dropLast` and the closure searches, as Swift's sequences have them.
    ///
    /// Slices come back as arrays (Swift gives an `ArraySlice`), so they index from 0.
    func registerSlices() {
        for type in ["Array", "Range"] {
            method(of: type, "prefix", ["_maxLength"]) { receiver, args in
                .array(Array(try self.elements(receiver).prefix(try Self.length(args, "maxLength"))))
            }
            method(of: type, "suffix", ["_maxLength"]) { receiver, args in
                .array(Array(try self.elements(receiver).suffix(try Self.length(args, "maxLength"))))
            }
            method(of: type, "dropFirst", ["_k?"]) { receiver, args in
                .array(Array(try self.elements(receiver).dropFirst(args.has("k") ? try Self.length(args, "k") : 1)))
            }
            method(of: type, "dropLast", ["_k?"]) { receiver, args in
                .array(Array(try self.elements(receiver).dropLast(args.has("k") ? try Self.length(args, "k") : 1)))
            }
            method(of: type, "first", ["{where"]) { receiver, args in
                let test = try Self.predicate(args, "where")
                return .optional(try self.elements(receiver).first(where: test))
            }
            method(of: type, "last", ["{where"]) { receiver, args in
                let test = try Self.predicate(args, "where")
                return .optional(try self.elements(receiver).last(where: test))
            }
            method(of: type, "firstIndex", ["{where"]) { receiver, args in
                let test = try Self.predicate(args, "where")
                return .optional(try self.elements(receiver).firstIndex(where: test).map { .int($0) })
            }
            method(of: type, "allSatisfy", ["{_predicate"]) { receiver, args in
                .bool(try self.elements(receiver).allSatisfy(try Self.predicate(args, "predicate")))
            }
            method(of: type, "contains", ["{where"]) { receiver, args in
                .bool(try self.elements(receiver).contains(where: try Self.predicate(args, "where")))
            }
        }
    }

    private static func length(_ args: Arguments, _ name: String) throws -> Int {
        let n = try args.int(name)
        guard n >= 0 else { throw SnippetError("\(args.callee) needs a count of at least 0, got \(n)", at: args.node(name)) }
        return n
    }

    /// A closure returning a Bool, as a Swift predicate.
    private static func predicate(_ args: Arguments, _ name: String) throws -> (Value) throws -> Bool {
        let function = try args.function(name)
        return { element in
            guard case let .bool(holds) = try args.interpreter.call(function, with: [element], at: args.call) else {
                throw SnippetError("the closure given to \(args.callee) must return a Bool")
            }
            return holds
        }
    }
}
