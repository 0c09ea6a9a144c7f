import SwiftParser
import SwiftSyntax

/// Turns a cell's code into Swift that compiles against Descent, for `gradus export --package`.
///
/// Cells leave out `try`: the interpreter reports a shape mismatch at its line and column on
/// its own. Descent's tensor operations throw, so compiled Swift needs `try` before every
/// expression that may call one, `throws` on the cell's own functions and function types,
/// and nothing else changed. A closure may only contain `try` when the function it is passed
/// to accepts a throwing closure, so `try` goes into closures given to the standard library's
/// rethrowing methods, to Descent APIs that take throwing closures, to the lesson's own
/// functions, and into closures that are stored rather than passed; into no other.
public enum CompiledSwift {
    /// Callees whose closure arguments may throw.
    static let throwingClosureCallees: Set<String> = [
        "map", "filter", "reduce", "compactMap", "flatMap", "forEach", "sorted", "contains", "first", "firstIndex",
        "last", "lastIndex", "allSatisfy", "min", "max", "drop", "prefix", "partition", "removeAll",
        "Optimizer", "Function", "Loss", "gradient", "valueWithGradient", "gradientCheck", "overSeeds",
    ]

    /// Callees whose closure is a builder block: it may throw, but its lines are constructors that
    /// do not, so only calls to the lesson's own (now throwing) functions get `try` there.
    static let builderCallees: Set<String> = ["minimize", "fit", "Sequential"]

    /// Optimizer constructors, which the interpreter names as written when their arguments are literals.
    static let optimizerConstructors: Set<String> = [
        "GD", "Momentum", "Nesterov", "SGD", "Adam", "AdamW", "NAdam", "RMSProp", "AdaGrad", "AdaDelta", "Newton",
    ]

    /// The names of the functions a lesson declares, which become `throws` and so take throwing closures.
    public static func declaredFunctions(in code: String) -> Set<String> {
        let collector = FunctionNames(viewMode: .sourceAccurate)
        collector.walk(Parser.parse(source: code))
        return collector.names
    }

    /// The names of the types a lesson declares: a lesson's own `class Momentum` is not Descent's optimizer.
    public static func declaredTypes(in code: String) -> Set<String> {
        let collector = FunctionNames(viewMode: .sourceAccurate)
        collector.walk(Parser.parse(source: code))
        return collector.types
    }

    /// The code with `try` and `throws` inserted where compiled Swift needs them.
    public static func rewrite(_ code: String, userFunctions: Set<String> = [], userTypes: Set<String> = []) -> String {
        let tree = Parser.parse(source: code)
        let planner = Planner(viewMode: .sourceAccurate)
        planner.throwingCallees = throwingClosureCallees.union(userFunctions)
        planner.userFunctions = userFunctions
        planner.walk(tree)
        let namer = OptimizerNames(viewMode: .sourceAccurate)
        namer.userTypes = userTypes
        namer.walk(tree)
        var bytes = Array(code.utf8)
        // Stable for equal offsets: a `.named(...)` after a call goes before a `)` that closes a wrapper.
        let insertions = (planner.insertions + namer.insertions).enumerated()
            .sorted { $0.element.0 != $1.element.0 ? $0.element.0 > $1.element.0 : $0.offset > $1.offset }.map(\.element)
        for (offset, text) in insertions where offset <= bytes.count {
            bytes.insert(contentsOf: Array(text.utf8), at: offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    final class FunctionNames: SyntaxVisitor {
        var names: Set<String> = []
        var types: Set<String> = []
        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
            names.insert(node.name.text)
            return .visitChildren
        }
        override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { types.insert(node.name.text); return .visitChildren }
        override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { types.insert(node.name.text); return .visitChildren }
        override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { types.insert(node.name.text); return .visitChildren }
        override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { types.insert(node.name.text); return .visitChildren }
    }

    /// Gives each all-literal optimizer constructor the name the interpreter gives it: its source text.
    final class OptimizerNames: SyntaxVisitor {
        var insertions: [(Int, String)] = []
        var userTypes: Set<String> = []

        override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
            var name = DisplayedValues.calleeName(ExprSyntax(node))
            if let member = node.calledExpression.as(MemberAccessExprSyntax.self) {
                name = member.declName.baseName.text == "keras" ? member.base?.trimmedDescription : nil
            }
            if let name, optimizerConstructors.contains(name), !userTypes.contains(name), BuiltinRegistry.isLiteralCall(Syntax(node)) {
                insertions.append((node.endPositionBeforeTrailingTrivia.utf8Offset, ".named(\(LessonPackage.literal(node.trimmedDescription)))"))
            }
            return .visitChildren
        }
    }

    /// Where `try` may go: everywhere, only before calls of the lesson's functions (builder blocks), or nowhere.
    enum TryMode { case everywhere, userCalls, nowhere }

    /// Walks a cell and records where `try ` and ` throws` go.
    final class Planner: SyntaxVisitor {
        var insertions: [(Int, String)] = []
        var throwingCallees: Set<String> = []
        var userFunctions: Set<String> = []
        private var modes: [TryMode] = [.everywhere]

        private func addTry(_ expression: ExprSyntax) {
            if expression.is(TryExprSyntax.self) { return }
            switch modes.last ?? .everywhere {
            case .nowhere: return
            case .userCalls: if !MayThrow.check(expression, callingOnly: userFunctions) { return }
            case .everywhere: if !MayThrow.check(expression) { return }
            }
            insertions.append((expression.positionAfterSkippingLeadingTrivia.utf8Offset, "try "))
        }

        override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
            let mode = mode(for: node)
            modes.append(mode)
            if mode == .everywhere, let signature = node.signature, signature.effectSpecifiers?.throwsClause == nil,
               let returns = signature.returnClause {
                insertions.append((returns.positionAfterSkippingLeadingTrivia.utf8Offset, "throws "))
            }
            return .visitChildren
        }

        override func visitPost(_ node: ClosureExprSyntax) {
            modes.removeLast()
        }

        /// A statement that is an expression. (An `if` or `switch` statement is an `ExpressionStmtSyntax`,
        /// not an `.expr` item, so it gets no `try` here; its condition or subject does below.)
        override func visit(_ node: CodeBlockItemSyntax) -> SyntaxVisitorContinueKind {
            if case let .expr(expression) = node.item { addTry(expression) }
            return .visitChildren
        }

        override func visit(_ node: InitializerClauseSyntax) -> SyntaxVisitorContinueKind {
            // Default argument values are evaluated by the caller and may not throw.
            if node.parent?.is(FunctionParameterSyntax.self) != true, node.parent?.is(EnumCaseElementSyntax.self) != true {
                addTry(node.value)
            }
            return .visitChildren
        }

        override func visit(_ node: ReturnStmtSyntax) -> SyntaxVisitorContinueKind {
            if let expression = node.expression { addTry(expression) }
            return .visitChildren
        }

        override func visit(_ node: ConditionElementSyntax) -> SyntaxVisitorContinueKind {
            if case let .expression(expression) = node.condition { addTry(expression) }
            return .visitChildren
        }

        override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind {
            addTry(node.sequence)
            return .visitChildren
        }

        override func visit(_ node: RepeatStmtSyntax) -> SyntaxVisitorContinueKind {
            addTry(node.condition)
            return .visitChildren
        }

        override func visit(_ node: SwitchExprSyntax) -> SyntaxVisitorContinueKind {
            addTry(node.subject)
            return .visitChildren
        }

        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
            let signature = node.signature
            if signature.effectSpecifiers?.throwsClause == nil {
                insertions.append((signature.parameterClause.endPositionBeforeTrailingTrivia.utf8Offset, " throws"))
            }
            return .visitChildren
        }

        override func visit(_ node: FunctionTypeSyntax) -> SyntaxVisitorContinueKind {
            if node.effectSpecifiers?.throwsClause == nil {
                insertions.append((node.rightParen.endPositionBeforeTrailingTrivia.utf8Offset, " throws"))
            }
            return .visitChildren
        }

        /// Whether the closure is passed where a throwing closure is accepted, or not passed at all.
        private func mode(for closure: ClosureExprSyntax) -> TryMode {
            var node = Syntax(closure).parent
            if node?.is(LabeledExprSyntax.self) == true { node = node?.parent?.parent }
            if node?.is(MultipleTrailingClosureElementSyntax.self) == true { node = node?.parent?.parent }
            guard let call = node?.as(FunctionCallExprSyntax.self) else {
                // Stored in a variable or returned: its type comes from the lesson's own code.
                return .everywhere
            }
            guard let name = DisplayedValues.calleeName(ExprSyntax(call)) else { return .nowhere }
            if builderCallees.contains(name) { return .userCalls }
            return throwingCallees.contains(name) ? .everywhere : .nowhere
        }
    }

    /// Whether an expression can call a throwing function: a call, subscript or operator outside closures.
    final class MayThrow: SyntaxVisitor {
        var found = false
        /// When set, only calls of these functions count.
        var only: Set<String>?

        static func check(_ expression: ExprSyntax, callingOnly names: Set<String>? = nil) -> Bool {
            let visitor = MayThrow(viewMode: .sourceAccurate)
            visitor.only = names
            visitor.walk(expression)
            return visitor.found
        }

        override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
            if let only {
                if let name = DisplayedValues.calleeName(ExprSyntax(node)), only.contains(name) { found = true }
                return .visitChildren
            }
            found = true
            return .skipChildren
        }
        override func visit(_ node: SubscriptCallExprSyntax) -> SyntaxVisitorContinueKind { found = found || only == nil; return .visitChildren }
        override func visit(_ node: BinaryOperatorExprSyntax) -> SyntaxVisitorContinueKind { found = found || only == nil; return .skipChildren }
        override func visit(_ node: PrefixOperatorExprSyntax) -> SyntaxVisitorContinueKind { found = found || only == nil; return .skipChildren }
    }
}
