import SwiftSyntax

/// A `struct`, `enum` or `protocol` a lesson declared, or its extensions of a builtin type: members read once from the declarations.
///
/// Values of the type (`RecordValue`, `EnumCaseValue`) point back here, so a
/// method call or a computed property finds its code without a scope lookup;
/// the type is a class because every value of it shares the one description.
final class UserType {
    enum Kind {
        case structure, enumeration
        /// A protocol: its requirements, and the default implementations its extensions give.
        case protocolType
        /// The members `extension Array` (or `Double`, `Collection`, …) adds to a builtin type.
        case builtinExtension
        /// A class: instances are shared references; it may inherit from one superclass.
        case classType
    }

    /// What a protocol asks of a conforming type: a property, method or initializer, by name.
    struct Requirement {
        var name: String
        /// How the requirement was written, for the "does not conform" message.
        var written: String
        var isStatic: Bool
    }

    /// A stored instance property, in declaration order (the memberwise initializer's order).
    struct Stored {
        var name: String
        var type: TypeSyntax?
        var initial: ExprSyntax?
        var isLet: Bool
        /// `willSet`/`didSet`, run when the property changes outside the type's initializers.
        var observers: AccessorDeclListSyntax? = nil
        /// `lazy var`: the initial value is computed when the property is first read.
        var isLazy = false

        /// `var next: Node?` without a value starts as nil, as Swift's optional `var`s do (a `let` must be set).
        var startsAsNil: Bool {
            initial == nil && !isLet && !isLazy && type?.isOptional == true
        }

        /// What the property holds before an initializer runs: nil for an optional `var`, else nothing yet (`.void`).
        var unsetValue: Value { startsAsNil ? .null : .void }
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
    /// The latest extension's scope, whose parents hold every name the earlier ones saw.
    var scope: Environment
    var stored: [Stored] = []
    private(set) var storedNames: [String] = []
    private(set) var storedIndex: [String: Int] = [:]
    /// Computed instance properties: the accessor block of each (a getter, or `get`/`set`).
    var computed: [String: PatternBindingSyntax] = [:]
    var methods: [String: [FunctionDeclSyntax]] = [:]
    var initializers: [InitializerDeclSyntax] = []
    /// Initializers an extension adds: unlike those in the body, they keep the memberwise one.
    var extensionInitializers: [InitializerDeclSyntax] = []
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
    /// The lesson's protocols among the conformances: their default implementations are members too.
    var adopted: [UserType] = []
    /// A protocol's requirements.
    var requirements: [Requirement] = []
    /// For a builtin extension: the builtin's own members, which a bare name in a method may mean.
    var builtinMembers: Set<String> = []
    /// A class's superclass, whose stored properties come first and whose members it inherits.
    var superclass: UserType?

    init(name: String, kind: Kind, scope: Environment) {
        self.name = name
        self.kind = kind
        self.scope = scope
    }

    /// "struct", "enum", "protocol" or "extension", for messages.
    var kindName: String {
        switch kind {
        case .structure: return "struct"
        case .enumeration: return "enum"
        case .protocolType: return "protocol"
        case .builtinExtension: return "extension"
        case .classType: return "class"
        }
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
    /// The declared type of a stored property, when it has one.
    func storedType(of name: String) -> TypeSyntax? {
        storedIndex(of: name).flatMap { stored[$0].type }
    }

    func hasInstanceMember(_ name: String) -> Bool {
        storedIndex[name] != nil || computedProperty(name) != nil || method(name) != nil || (name == "rawValue" && rawType != nil)
            || builtinMembers.contains(name) || adopted.contains { $0.requirements.contains { !$0.isStatic && $0.name == name } }
    }

    /// An instance method's overloads: the type's own, else a default from an adopted protocol.
    func method(_ name: String) -> [FunctionDeclSyntax]? {
        methods[name] ?? superclass?.method(name) ?? adopted.lazy.compactMap { $0.method(name) }.first
    }

    /// The class in the superclass chain whose body or extension declares the method, so `super` inside it goes one class up.
    func owner(ofMethod name: String) -> UserType? {
        methods[name] != nil ? self : superclass?.owner(ofMethod: name)
    }

    func computedProperty(_ name: String) -> PatternBindingSyntax? {
        computed[name] ?? superclass?.computedProperty(name) ?? adopted.lazy.compactMap { $0.computedProperty(name) }.first
    }

    func staticMethod(_ name: String) -> [FunctionDeclSyntax]? {
        staticMethods[name] ?? superclass?.staticMethod(name) ?? adopted.lazy.compactMap { $0.staticMethod(name) }.first
    }

    func staticComputedProperty(_ name: String) -> PatternBindingSyntax? {
        staticComputed[name] ?? superclass?.staticComputedProperty(name) ?? adopted.lazy.compactMap { $0.staticComputedProperty(name) }.first
    }

    /// Whether the type conforms to `name`, directly, through a protocol it adopts, one those inherit, or its superclass.
    func conforms(to name: String) -> Bool {
        conformances.contains(name) || adopted.contains { $0.name == name || $0.conforms(to: name) } || (superclass?.conforms(to: name) ?? false)
    }

    /// Whether the type is `other` or a subclass of it.
    func isSubtype(of other: UserType) -> Bool {
        self === other || (superclass?.isSubtype(of: other) ?? false)
    }

    /// Every requirement of the adopted protocols (and those they inherit) that the type does not meet.
    var unmetRequirements: [(protocol: UserType, requirement: Requirement)] {
        var unmet: [(UserType, Requirement)] = []
        for proto in allAdopted {
            for requirement in proto.requirements where !meets(requirement) { unmet.append((proto, requirement)) }
        }
        return unmet
    }

    private var allAdopted: [UserType] {
        adopted.flatMap { [$0] + $0.allAdopted } + (superclass?.allAdopted ?? [])
    }

    private func meets(_ requirement: Requirement) -> Bool {
        if requirement.isStatic {
            return statics[requirement.name] != nil || staticComputedProperty(requirement.name) != nil
                || staticMethod(requirement.name) != nil || enumCase(named: requirement.name) != nil
        }
        if requirement.name == "init" { return true }
        return storedIndex[requirement.name] != nil || computedProperty(requirement.name) != nil || method(requirement.name) != nil
            || (requirement.name == "rawValue" && rawType != nil)
    }

    /// Whether `==` is defined: declared (or implied, for an enum without associated values) `Equatable`.
    var isEquatable: Bool {
        if ["Equatable", "Hashable", "Comparable"].contains(where: conforms(to:)) { return true }
        return kind == .enumeration && cases.allSatisfy(\.types.isEmpty)
    }

    /// Whether values can be set elements and dictionary keys: declared `Hashable`, or an enum without associated values.
    var isHashable: Bool {
        conforms(to: "Hashable") || (kind == .enumeration && cases.allSatisfy(\.types.isEmpty))
    }
}

/// A value of a declared struct: its stored properties, in declaration order.
struct RecordValue {
    let type: UserType
    var fields: [Value]
}

/// An instance of a declared class: one set of stored properties, shared by every variable that holds it.
final class ObjectValue {
    let type: UserType
    var fields: [Value]

    init(type: UserType, fields: [Value]) {
        self.type = type
        self.fields = fields
    }

    /// Frees what the instance held with a work list instead of recursion, so dropping a
    /// linked list of millions of nodes cannot overflow the stack.
    deinit {
        var pending = fields
        fields = []
        while var value = pending.popLast() {
            // `if case` with the value dropped at once leaves `child` the only reference when nothing else holds it
            // (a `switch` would keep its subject alive and make every check fail).
            if case var .object(child) = value {
                value = .void
                if isKnownUniquelyReferenced(&child) {
                    pending.append(contentsOf: child.fields)
                    child.fields = []
                }
                continue
            }
            switch value {
            case let .record(record): pending.append(contentsOf: record.fields)
            case let .array(items), let .tuple(items, _): pending.append(contentsOf: items)
            case let .enumCase(item): pending.append(contentsOf: item.values)
            case let .dictionary(dictionary): pending.append(contentsOf: dictionary.keys + dictionary.values)
            default: continue
            }
        }
    }
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
    /// For a class: the class whose method is running, so `super` means its superclass.
    var owner: UserType? = nil
}

extension TypeSyntax {
    /// `T?` or `T!`: a declared optional, whose `var` starts as nil and keeps what is assigned as an optional.
    var isOptional: Bool {
        self.is(OptionalTypeSyntax.self) || self.is(ImplicitlyUnwrappedOptionalTypeSyntax.self)
    }
}
