import SwiftSyntax

/// A `struct` or `enum` a lesson declared: its members, read once from the declaration.
///
/// Values of the type (`RecordValue`, `EnumCaseValue`) point back here, so a
/// method call or a computed property finds its code without a scope lookup;
/// the type is a class because every value of it shares the one description.
final class UserType {
    enum Kind { case structure, enumeration }

    /// A stored instance property, in declaration order (the memberwise initializer's order).
    struct Stored {
        var name: String
        var type: TypeSyntax?
        var initial: ExprSyntax?
        var isLet: Bool
    }

    /// One `case` of an enum: its associated values' labels and types, and its raw value.
    struct Case {
        var name: String
        var labels: [String?]
        var types: [TypeSyntax]
        var rawValue: Value?
    }

    let name: String
    let kind: Kind
    /// The scope the type was declared in: its methods see the names defined there.
    let scope: Environment
    var stored: [Stored] = []
    private(set) var storedNames: [String] = []
    private(set) var storedIndex: [String: Int] = [:]
    /// Computed instance properties: the accessor block of each (a getter, or `get`/`set`).
    var computed: [String: PatternBindingSyntax] = [:]
    var methods: [String: [FunctionDeclSyntax]] = [:]
    var initializers: [InitializerDeclSyntax] = []
    /// Static stored properties, each a binding so `Counter.count += 1` changes it in place.
    var statics: [String: Binding] = [:]
    var staticComputed: [String: PatternBindingSyntax] = [:]
    var staticMethods: [String: [FunctionDeclSyntax]] = [:]
    private(set) var cases: [Case] = []
    private(set) var caseIndex: [String: Int] = [:]
    /// The raw value type of an enum (`Int`, `String`, `Double`), when it has one.
    var rawType: String?
    /// The protocols named after the colon: `Equatable`, `CaseIterable`, `CustomStringConvertible`, …
    var conformances: Set<String> = []

    init(name: String, kind: Kind, scope: Environment) {
        self.name = name
        self.kind = kind
        self.scope = scope
    }

    func addStored(_ property: Stored) {
        storedIndex[property.name] = stored.count
        storedNames.append(property.name)
        stored.append(property)
    }

    func addCase(_ item: Case) {
        caseIndex[item.name] = cases.count
        cases.append(item)
    }

    func storedIndex(of name: String) -> Int? { storedIndex[name] }

    func enumCase(named name: String) -> Case? { caseIndex[name].map { cases[$0] } }

    /// Whether a bare `name` inside a method means `self.name`.
    func hasInstanceMember(_ name: String) -> Bool {
        storedIndex[name] != nil || computed[name] != nil || methods[name] != nil || (name == "rawValue" && rawType != nil)
    }

    /// Whether `==` is defined: declared (or implied, for an enum without associated values) `Equatable`.
    var isEquatable: Bool {
        if !conformances.isDisjoint(with: ["Equatable", "Hashable", "Comparable"]) { return true }
        return kind == .enumeration && cases.allSatisfy(\.types.isEmpty)
    }
}

/// A value of a declared struct: its stored properties, in declaration order.
struct RecordValue {
    let type: UserType
    var fields: [Value]
}

/// A value of a declared enum: which case, and its associated values.
struct EnumCaseValue {
    let type: UserType
    let name: String
    var values: [Value] = []
    var labels: [String?] = []
}

/// The receiver of the method running in a scope: a bare name may mean one of its members.
struct MethodReceiver {
    /// `self`, mutable in a `mutating` method or an `init`.
    let binding: Binding
    let type: UserType
}
