import SwiftSyntax

/// A callable value: a closure, a `func` declared in a cell, or a builtin used as a value.
final class FunctionValue {
    enum Body {
        /// A closure expression and the scope it closes over.
        case closure(ClosureExprSyntax, Environment)
        /// A `func` declaration and the scope it closes over (which holds the function itself, for recursion).
        case function(FunctionDeclSyntax, Environment)
        /// A builtin referred to by name, e.g. `sqrt` passed to `map`.
        case builtin(Builtin)
        /// `\.count` or `\Point.x` used as a function from a value to its member, as Swift allows since 5.2.
        case keyPath(KeyPathExprSyntax)
    }

    let name: String
    let body: Body

    init(name: String, body: Body) {
        self.name = name
        self.body = body
    }

    /// How many anonymous arguments (`$0`, `$1`, …) a closure's body uses, found once from its tokens.
    private(set) lazy var anonymousArity: Int = {
        guard case let .closure(closure, _) = body else { return 0 }
        var arity = 0
        for token in closure.statements.tokens(viewMode: .sourceAccurate) {
            if case let .dollarIdentifier(text) = token.tokenKind, let index = Int(text.dropFirst()) { arity = max(arity, index + 1) }
        }
        return arity
    }()

    /// The parameter names a closure declares, or nil when it uses `$0`, `$1`.
    var closureParameterNames: [String]? {
        guard case let .closure(closure, _) = body, let signature = closure.signature,
              let clause = signature.parameterClause else { return nil }
        switch clause {
        case let .simpleInput(list):
            return list.map { $0.name.text }
        case let .parameterClause(clause):
            return clause.parameters.map { ($0.secondName ?? $0.firstName).text }
        }
    }
}

/// A binding in a scope: its value and whether `var` allows reassigning it.
final class Binding {
    var value: Value
    let isMutable: Bool
    /// The optional type a `var` was declared with (`var best: Double? = nil`), so `best = 1` stores `Optional(1.0)`.
    var declaredOptional: TypeSyntax?
    /// The element (or value) type of a `var xs: [Double] = []` or `var d: [String: Double] = [:]`: an empty
    /// collection shows no type, so what is first stored in it takes this one.
    var declaredElement: TypeSyntax?

    init(_ value: Value, mutable: Bool) {
        self.value = value
        self.isMutable = mutable
    }
}

/// A chain of scopes, innermost first, as in Crafting Interpreters.
final class Environment {
    let parent: Environment?
    private(set) var bindings = ScopeNames()
    /// Set in the scope of a method or initializer body: a bare property name there means `self.name`.
    let receiver: MethodReceiver?

    init(parent: Environment? = nil, receiver: MethodReceiver? = nil) {
        self.parent = parent
        self.receiver = receiver
    }

    /// The variable `name` names, or nil when nothing or a property of the running method's `self` does.
    func lookup(_ name: String) -> Binding? {
        // The hot path of every name: one walk, no `Resolved` built.
        var scope: Environment? = self
        while let current = scope {
            if !current.bindings.isEmpty, let binding = current.bindings[name] { return binding }
            if let receiver = current.receiver {
                if name == "self" { return receiver.binding }
                if receiver.type.hasInstanceMember(name) { return nil }
            }
            scope = current.parent
        }
        return nil
    }

    /// What a name means here: a variable, or a member of `self` in a method (a local name shadows a member).
    enum Resolved {
        case binding(Binding)
        case member(MethodReceiver)
    }

    func resolve(_ name: String) -> Resolved? {
        var scope: Environment? = self
        while let current = scope {
            if !current.bindings.isEmpty, let binding = current.bindings[name] { return .binding(binding) }
            if let receiver = current.receiver {
                if name == "self" { return .binding(receiver.binding) }
                if receiver.type.hasInstanceMember(name) { return .member(receiver) }
            }
            scope = current.parent
        }
        return nil
    }

    /// The receiver of the innermost method running here, for `super`.
    var currentReceiver: MethodReceiver? {
        var scope: Environment? = self
        while let current = scope {
            if let receiver = current.receiver { return receiver }
            scope = current.parent
        }
        return nil
    }

    func define(_ name: String, _ value: Value, mutable: Bool) {
        bindings[name] = Binding(value, mutable: mutable)
    }

    /// Moves this scope's bindings into `target`; a cell's names become global only when the cell succeeds.
    func merge(into target: Environment) {
        for (name, binding) in bindings.entries { target.bindings[name] = binding }
    }

    /// Every name visible from this scope, for "did you mean" suggestions.
    var visibleNames: [String] {
        var names: [String] = []
        var scope: Environment? = self
        while let current = scope {
            names.append(contentsOf: current.bindings.names)
            scope = current.parent
        }
        return names
    }
}
