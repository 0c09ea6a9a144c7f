import SwiftSyntax

/// `switch` as a statement and as a value, with `where`, `fallthrough` and Swift's exhaustiveness rule.
extension Interpreter {
    /// Runs the first case whose pattern matches; `break` ends the switch, `continue` and `return` pass out.
    func executeSwitch(_ node: SwitchExprSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        let cases = node.cases.compactMap { $0.as(SwitchCaseSyntax.self) }
        guard let (start, matched) = try firstMatch(node, cases, in: scope) else { return .normal }
        var index = start
        var body = matched
        while true {
            try checkLimits(at: cases[index].label)
            var statements = Array(cases[index].statements)
            let fallsThrough = statements.last.map { $0.item.as(FallThroughStmtSyntax.self) != nil } ?? false
            if fallsThrough { statements.removeLast() }
            for item in statements {
                switch try execute(item, in: body, collector: collector) {
                case .normal: continue
                case .broke: return .normal
                case let completion: return completion
                }
            }
            guard fallsThrough, index + 1 < cases.count else { return .normal }
            index += 1
            body = Environment(parent: scope)
        }
    }

    /// The value of a `switch` used as an expression: the single expression of the case taken.
    func switchValue(_ node: SwitchExprSyntax, in scope: Environment) throws -> Value {
        let cases = node.cases.compactMap { $0.as(SwitchCaseSyntax.self) }
        guard let (index, body) = try firstMatch(node, cases, in: scope) else { return .void }
        return try runCell(cases[index].statements, in: body)
    }

    /// Whether every branch of a `switch` or `if` is one expression, so it can give a value (`let s = switch x { ... }`).
    static func isValueBranching(_ expression: ExprSyntax) -> Bool {
        let kind = expression.kind
        guard kind == .switchExpr || kind == .ifExpr else { return true }
        func single(_ items: CodeBlockItemListSyntax) -> Bool {
            guard items.count == 1, let only = items.first, case let .expr(inner) = only.item else { return false }
            return !(inner.is(SwitchExprSyntax.self) || inner.is(IfExprSyntax.self)) || isValueBranching(inner)
        }
        if let switchExpression = expression.as(SwitchExprSyntax.self) {
            return switchExpression.cases.allSatisfy { element in element.as(SwitchCaseSyntax.self).map { single($0.statements) } ?? false }
        }
        if let ifExpression = expression.as(IfExprSyntax.self) {
            guard single(ifExpression.body.statements) else { return false }
            switch ifExpression.elseBody {
            case nil: return true
            case let .ifExpr(elseIf): return isValueBranching(ExprSyntax(elseIf))
            case let .codeBlock(block): return single(block.statements)
            }
        }
        return true
    }

    /// The index of the first matching case and the scope holding its bindings, after the exhaustiveness check.
    private func firstMatch(_ node: SwitchExprSyntax, _ cases: [SwitchCaseSyntax], in scope: Environment) throws -> (Int, Environment)? {
        let subject = try evaluate(node.subject, in: scope)
        try checkExhaustive(node, cases, subject)
        for (index, switchCase) in cases.enumerated() {
            switch switchCase.label {
            case .default:
                return (index, Environment(parent: scope))
            case let .case(label):
                for item in label.caseItems {
                    let body = Environment(parent: scope)
                    guard try match(item.pattern, subject, in: body) else { continue }
                    if let whereClause = item.whereClause {
                        guard case let .bool(holds) = try evaluate(whereClause.condition, in: body) else {
                            throw SnippetError("a 'where' clause must be a Bool", at: whereClause.condition)
                        }
                        if !holds { continue }
                    }
                    return (index, body)
                }
            }
        }
        throw SnippetError("no case of this switch matches \(Display.literal(subject)); add a 'default:' case", at: node.switchKeyword)
    }

    /// swiftc's rule: without `default`, the cases must cover every value; checked here for enums and Bools,
    /// and for other subjects a catch-all (`default`, `case _`, `case let x`) is required.
    private func checkExhaustive(_ node: SwitchExprSyntax, _ cases: [SwitchCaseSyntax], _ subject: Value) throws {
        var patterns: [PatternSyntax] = []
        for switchCase in cases {
            guard case let .case(label) = switchCase.label else { return }
            for item in label.caseItems where item.whereClause == nil {
                if Self.isIrrefutable(item.pattern) { return }
                patterns.append(item.pattern)
            }
        }
        let texts = patterns.map { $0.trimmedDescription.replacingOccurrences(of: " ", with: "") }
        switch subject {
        case let .enumCase(value):
            let covered = Set(patterns.compactMap { Self.coveredCase($0) })
            let missing = value.type.cases.map(\.name).filter { !covered.contains($0) }
            if missing.isEmpty { return }
            let list = missing.map { "'.\($0)'" }.joined(separator: ", ")
            throw SnippetError("switch must be exhaustive; add missing case\(missing.count == 1 ? "" : "s") \(list), or a 'default:' case", at: node.switchKeyword)
        case let .native(native):
            // A library enum that lists its cases (`EpsilonPlacement`): the same rule as a lesson's enum.
            guard let all = Self.caseNames(of: native.payload) else { break }
            let covered = Set(patterns.compactMap { Self.coveredCase($0) })
            let missing = all.filter { !covered.contains($0) }
            if missing.isEmpty { return }
            let list = missing.map { "'.\($0)'" }.joined(separator: ", ")
            throw SnippetError("switch must be exhaustive; add missing case\(missing.count == 1 ? "" : "s") \(list), or a 'default:' case", at: node.switchKeyword)
        case .bool:
            if texts.contains("true"), texts.contains("false") { return }
        case .tuple, .null:
            return
        default:
            if texts.contains(where: { $0.contains(".some") || $0.contains(".none") || $0.hasSuffix("?") || $0 == "nil" }) { return }
        }
        throw SnippetError("switch must be exhaustive; add a 'default:' case", at: node.switchKeyword)
    }

    /// The case names of a library enum that is `CaseIterable` with `String` raw values, else nil.
    static func caseNames(of payload: any Sendable) -> [String]? {
        guard let value = payload as? any CaseIterable else { return nil }
        return names(allCasesOf: value)
    }

    private static func names<T: CaseIterable>(allCasesOf _: T) -> [String]? {
        let names = T.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        return names.count == T.allCases.count ? names : nil
    }

    /// `_`, `let x`, `var x`: patterns that match anything.
    static func isIrrefutable(_ pattern: PatternSyntax) -> Bool {
        if pattern.is(WildcardPatternSyntax.self) || pattern.is(IdentifierPatternSyntax.self) { return true }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) { return isIrrefutable(binding.pattern) }
        if let expression = pattern.as(ExpressionPatternSyntax.self) { return isIrrefutable(expression.expression) }
        return false
    }

    private static func isIrrefutable(_ expression: ExprSyntax) -> Bool {
        if expression.is(DiscardAssignmentExprSyntax.self) { return true }
        if let inner = expression.as(PatternExprSyntax.self) { return isIrrefutable(inner.pattern) }
        if let tuple = expression.as(TupleExprSyntax.self) { return tuple.elements.allSatisfy { isIrrefutable($0.expression) } }
        return false
    }

    /// The enum case a pattern covers entirely: `.north`, `.circle(let r)`, `.pair(_, _)`; nil for a partial one.
    private static func coveredCase(_ pattern: PatternSyntax) -> String? {
        var inner = pattern
        var bound = false
        if let binding = pattern.as(ValueBindingPatternSyntax.self) { inner = binding.pattern; bound = true }
        guard let expression = inner.as(ExpressionPatternSyntax.self)?.expression else { return nil }
        if let access = expression.as(MemberAccessExprSyntax.self) { return access.declName.baseName.text }
        guard let call = expression.as(FunctionCallExprSyntax.self), let access = call.calledExpression.as(MemberAccessExprSyntax.self) else { return nil }
        let complete = call.arguments.allSatisfy { argument in
            isIrrefutable(argument.expression) || (bound && argument.expression.is(DeclReferenceExprSyntax.self))
        }
        return complete ? access.declName.baseName.text : nil
    }
}
