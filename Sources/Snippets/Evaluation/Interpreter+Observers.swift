import SwiftSyntax

/// Stored properties with behaviour: `willSet`/`didSet` observers and `lazy` initial values.
///
/// As in Swift, observers do not run while the type's own initializer sets the
/// property, nor when an observer sets the property it observes; a `lazy`
/// property's initial value is computed on its first read, with `self` in scope,
/// and kept in the variable that was read.
extension Interpreter {
    /// Whether a change of `type`'s property `name` runs its observers now.
    func observersRun(_ type: UserType, _ name: String) -> Bool {
        !initializing.contains { $0 === type } && !observing.contains { $0.0 === type && $0.1 == name }
    }

    /// Changes an observed stored property: `willSet` sees the new value, then it is stored, then `didSet` sees the old one.
    func modifyObserved(
        _ value: inout Value, _ record: RecordValue, _ index: Int, _ observers: AccessorDeclListSyntax,
        _ steps: ArraySlice<PathStep>, at node: Syntax, _ body: (inout Value) throws -> Void
    ) throws {
        var record = record
        let property = record.type.stored[index]
        let old = record.fields[index]
        var member = old
        try modify(&member, steps, body)
        if steps.isEmpty, let annotation = property.type { member = try coerce(member, to: annotation, at: node) }
        observing.append((record.type, property.name))
        defer { observing.removeLast() }
        if let willSet = observers.first(where: { $0.accessorSpecifier.tokenKind == .keyword(.willSet) }) {
            let changed = try runObserver(willSet, on: .record(record), record.type, parameter: "newValue", member, at: node)
            if case let .record(updated) = changed { record = updated }
        }
        record.fields[index] = member
        value = .record(record)
        if let didSet = observers.first(where: { $0.accessorSpecifier.tokenKind == .keyword(.didSet) }) {
            value = try runObserver(didSet, on: value, record.type, parameter: "oldValue", old, at: node)
        }
    }

    /// Runs an observer's body with a mutable `self` and its parameter; returns `self` as the body left it.
    func runObserver(
        _ accessor: AccessorDeclSyntax, on value: Value, _ type: UserType, parameter: String, _ argument: Value, at node: Syntax
    ) throws -> Value {
        let selfBinding = Binding(value, mutable: true)
        try nested(at: node) {
            let outer = Environment(parent: type.scope, receiver: MethodReceiver(binding: selfBinding, type: type))
            outer.define("Self", .metatype(type), mutable: false)
            let scope = Environment(parent: outer)
            scope.define(accessor.parameters?.name.text ?? parameter, argument, mutable: false)
            _ = try runBody(accessor.body?.statements ?? [], in: scope, singleExpressionReturns: false)
        }
        return selfBinding.value
    }

    /// A `lazy` property not yet read: its initial value, computed with `self` in scope; nil for any other property.
    func pendingLazyValue(_ record: RecordValue, _ index: Int, at node: some SyntaxProtocol) throws -> Value? {
        let property = record.type.stored[index]
        guard property.isLazy, record.fields[index].isVoid, let initial = property.initial else { return nil }
        var value = try nested(at: node) { try evaluate(initial, in: methodScope(record.type, self: .record(record), mutable: false)) }
        if let annotation = property.type { value = try coerce(value, to: annotation, at: node) }
        return value
    }

    /// `s.total` for a `lazy var total`: computed on the first read and stored in `s`, as Swift does.
    func readLazy(_ base: Value, _ name: String, of baseExpression: ExprSyntax, in scope: Environment, at node: some SyntaxProtocol) throws -> Value? {
        guard case let .record(record) = base, let index = record.type.storedIndex(of: name),
              let value = try pendingLazyValue(record, index, at: node) else { return nil }
        if let (binding, steps) = try? resolvePlace(baseExpression, in: scope), binding.isMutable {
            try modify(&binding.value, steps[...] + [.member(name, Syntax(node))]) { $0 = value }
        }
        return value
    }
}
