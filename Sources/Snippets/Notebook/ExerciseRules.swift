import Lessons
import SwiftSyntax

/// What an exercise cell may declare and use, checked before the cell runs.
///
/// A test resolves names at the top level of the notebook, so an exercise cell that redefined a
/// builtin (`func abs(_ x: Double) -> Double { 0 }`) or a helper of the lesson's setup cells would
/// change what the test measures with. Such a declaration is refused with its location instead,
/// and so is any use of a name the exercise forbids (`forbid="RMSProp"`: the builtin it asks the
/// student to write), so neither shadowing nor submitting the builtin can earn points.
struct ExerciseRules {
    /// A top-level name of some cell, with the node that declares it.
    struct Declaration {
        let name: String
        let node: Syntax
    }

    /// Names the lesson declares at the top level of cells that are neither exercises nor tests.
    private let lessonNames: [String: Syntax]
    /// Names that resolve to the interpreter's builtins.
    private let builtinNames: Set<String>

    /// Every name some exercise of the job forbids: "did you mean" never suggests them.
    static func forbiddenNames(in job: NotebookJob) -> Set<String> {
        Set(job.cells.flatMap(\.forbidden))
    }

    /// Rules for `job`; `parse` gives a cell's tree (the runner's one parse of it).
    init(job: NotebookJob, builtins: BuiltinRegistry, parse: (Cell) -> SourceFileSyntax) {
        var names: [String: Syntax] = [:]
        for cell in job.cells where cell.runs && cell.exercise == nil && cell.test == nil {
            for declaration in Self.declarations(in: parse(cell).statements) where names[declaration.name] == nil {
                names[declaration.name] = declaration.node
            }
        }
        lessonNames = names
        // Reserved names (`expect`, `todo`) have their own, older error, raised as the cell runs.
        builtinNames = Set(builtins.functions.keys).union(builtins.constants.keys).union(builtins.members.keys)
            .subtracting(builtins.reserved)
    }

    /// The first rule `tree`, the code of exercise cell `cell`, breaks, as the error to report.
    func violation(in tree: SourceFileSyntax, cell: Cell) -> SnippetError? {
        let forbidden = Set(cell.forbidden)
        if !forbidden.isEmpty, let use = Self.firstUse(of: forbidden, in: tree) {
            return SnippetError(
                "'\(use.name)' is not allowed in exercise '\(cell.exercise ?? "")': the exercise asks you to write it yourself, so its tests compare your code with it",
                at: use.node)
        }
        if let (name, node) = Self.assignments(in: tree.statements).first(where: { lessonNames[$0.name] != nil }),
           let original = lessonNames[name] {
            return SnippetError(
                "'\(name)' is defined by the lesson, and the tests use the lesson's value; an exercise cell cannot change it: "
                    + "make a copy of your own (for example 'var my\(name.prefix(1).uppercased())\(name.dropFirst()) = \(name)')",
                at: node, notes: [SnippetNote(message: "'\(name)' is defined here", node: original)])
        }
        if let error = Self.changedComparison(in: tree.statements) { return error }
        for declaration in Self.declarations(in: tree.statements) {
            let rename = "rename yours (for example 'my\(declaration.name.prefix(1).uppercased())\(declaration.name.dropFirst())')"
            if let original = lessonNames[declaration.name] {
                return SnippetError(
                    "'\(declaration.name)' is already defined by the lesson, and the tests use the lesson's; an exercise cell cannot redefine it: \(rename)",
                    at: declaration.node, notes: [SnippetNote(message: "'\(declaration.name)' is defined here", node: original)])
            }
            if builtinNames.contains(declaration.name) {
                return SnippetError(
                    "'\(declaration.name)' is a builtin, and the tests use the builtin; an exercise cell cannot redefine it: \(rename)",
                    at: declaration.node)
            }
        }
        return nil
    }

    /// An extension in an exercise may add methods, but not conformances or operators to a type it did not
    /// declare: `extension Direction: Equatable { static func == ... { true } }` would make the tests' comparisons lie.
    static func changedComparison(in statements: CodeBlockItemListSyntax) -> SnippetError? {
        let own = Set(declarations(in: statements).map(\.name))
        for item in statements {
            guard case let .decl(decl) = item.item, let extensionDecl = decl.as(ExtensionDeclSyntax.self),
                  !own.contains(extensionDecl.extendedType.trimmedDescription) else { continue }
            let type = extensionDecl.extendedType.trimmedDescription
            if let clause = extensionDecl.inheritanceClause {
                return SnippetError(
                    "an exercise cannot add conformances to '\(type)': the tests compare and print the lesson's values as the lesson declared them; add methods only",
                    at: clause)
            }
            for member in extensionDecl.memberBlock.members {
                guard let function = member.decl.as(FunctionDeclSyntax.self), case .binaryOperator = function.name.tokenKind else { continue }
                return SnippetError(
                    "an exercise cannot declare the operator '\(function.name.text)' on '\(type)': the tests compare with the lesson's operators; write a method with a name instead",
                    at: function.name)
            }
        }
        return nil
    }

    /// The names `statements` declare at their own level: constants and variables (each name of a
    /// tuple pattern), functions and types.
    static func declarations(in statements: CodeBlockItemListSyntax) -> [Declaration] {
        var found: [Declaration] = []
        func add(_ token: TokenSyntax) { found.append(Declaration(name: token.text, node: Syntax(token))) }
        func addPattern(_ pattern: PatternSyntax) {
            if let identifier = pattern.as(IdentifierPatternSyntax.self) {
                add(identifier.identifier)
            } else if let tuple = pattern.as(TuplePatternSyntax.self) {
                for element in tuple.elements { addPattern(element.pattern) }
            }
        }
        for item in statements {
            switch item.item {
            case let .decl(decl):
                if let variable = decl.as(VariableDeclSyntax.self) {
                    for binding in variable.bindings { addPattern(binding.pattern) }
                } else if let function = decl.as(FunctionDeclSyntax.self) {
                    add(function.name)
                } else if let named = decl.asProtocol(NamedDeclSyntax.self) {
                    add(named.name)
                }
            default:
                continue
            }
        }
        return found
    }

    /// The variables that top-level assignments (`x = …`, `x += …`, `x.y[0] = …`) in `statements`
    /// write to, by the name at the root of the target.
    static func assignments(in statements: CodeBlockItemListSyntax) -> [(name: String, node: Syntax)] {
        statements.compactMap { item -> (String, Syntax)? in
            guard case let .expr(expression) = item.item, let infix = expression.as(InfixOperatorExprSyntax.self) else { return nil }
            let isAssignment = infix.operator.is(AssignmentExprSyntax.self)
                || infix.operator.as(BinaryOperatorExprSyntax.self).map { Self.compoundAssignments.contains($0.operator.text) } == true
            guard isAssignment else { return nil }
            var target = infix.leftOperand
            while true {
                if let member = target.as(MemberAccessExprSyntax.self), let base = member.base {
                    target = base
                } else if let subscripted = target.as(SubscriptCallExprSyntax.self) {
                    target = subscripted.calledExpression
                } else {
                    break
                }
            }
            guard let reference = target.as(DeclReferenceExprSyntax.self) else { return nil }
            return (reference.baseName.text, Syntax(reference))
        }
    }

    private static let compoundAssignments: Set<String> = ["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="]

    /// The first reference to one of `names` in `tree`, as a value or as a type.
    private static func firstUse(of names: Set<String>, in tree: SourceFileSyntax) -> Declaration? {
        for token in tree.tokens(viewMode: .sourceAccurate) {
            guard case .identifier = token.tokenKind, names.contains(token.text) else { continue }
            // A declaration of the same name is a collision, reported by the declaration rule, not a use.
            if token.parent?.is(IdentifierPatternSyntax.self) == true { continue }
            return Declaration(name: token.text, node: Syntax(token))
        }
        return nil
    }
}

/// The names a cell's code declares at its top level, for callers without a Swift parser of their
/// own (`gradus check` names what a cell that grading ignores would have defined).
public enum DeclaredNames {
    public static func topLevel(in code: String) -> [String] {
        ExerciseRules.declarations(in: SnippetParser.parse(code, fileName: "").tree.statements).map(\.name)
    }
}
