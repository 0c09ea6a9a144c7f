import Descent
import Foundation
import SwiftSyntax

/// `if`, `for`, `while` and `repeat` as statements; each pass of a loop checks the time limit.
extension Interpreter {
    func executeIf(_ node: IfExprSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        // `if let` binds into the scope of the branch it guards.
        let body = Environment(parent: scope)
        if try conditionsHold(node.conditions, in: body) {
            return try execute(node.body.statements, in: body, collector: collector)
        }
        switch node.elseBody {
        case nil:
            return .normal
        case let .ifExpr(elseIf):
            return try executeIf(elseIf, in: scope, collector: collector)
        case let .codeBlock(block):
            return try execute(block.statements, in: Environment(parent: scope), collector: collector)
        }
    }

    func executeFor(_ node: ForStmtSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        if let effect = node.awaitKeyword ?? node.tryKeyword {
            throw SnippetError("'for \(effect.text)' is not supported in lessons; loop over an array or a range", at: effect)
        }
        let sequence = try evaluate(node.sequence, in: scope)
        // Ranges are walked without building an array, so `for i in 0..<1_000_000_000` costs no memory.
        if case let .range(lower, upper) = sequence {
            var index = lower
            while index < upper {
                let completion = try runIteration(node, .int(index), in: scope, collector: collector)
                if let completion { return completion }
                index += 1
            }
            return .normal
        }
        for element in try iterate(sequence, at: node.sequence) {
            let completion = try runIteration(node, element, in: scope, collector: collector)
            if let completion { return completion }
        }
        return .normal
    }

    /// One pass of a `for` body; a completion that ends the loop, or nil to go on.
    private func runIteration(_ node: ForStmtSyntax, _ element: Value, in scope: Environment, collector: Collector?) throws -> Completion? {
        try checkLimits(at: node.forKeyword)
        let body = Environment(parent: scope)
        if node.caseKeyword != nil {
            // `for case let x? in xs`, `for case .circle(let r) in shapes`: elements that do not match are skipped.
            guard try match(node.pattern, element, in: body) else { return nil }
        } else {
            try bind(node.pattern, to: element, in: body, mutable: false)
        }
        if let whereClause = node.whereClause {
            guard case let .bool(holds) = try evaluate(whereClause.condition, in: body) else {
                throw SnippetError("a 'where' clause must be a Bool", at: whereClause.condition)
            }
            if !holds { return nil }
        }
        switch try execute(node.body.statements, in: body, collector: collector) {
        case .normal, .continued: return nil
        case .broke: return .normal
        case let .returned(value): return .returned(value)
        }
    }

    func executeWhile(_ node: WhileStmtSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        while true {
            let body = Environment(parent: scope)
            guard try conditionsHold(node.conditions, in: body) else { break }
            try checkLimits(at: node.whileKeyword)
            switch try execute(node.body.statements, in: body, collector: collector) {
            case .normal, .continued: continue
            case .broke: return .normal
            case let .returned(value): return .returned(value)
            }
        }
        return .normal
    }

    func executeRepeat(_ node: RepeatStmtSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        repeat {
            try checkLimits(at: node.repeatKeyword)
            switch try execute(node.body.statements, in: Environment(parent: scope), collector: collector) {
            case .normal, .continued: break
            case .broke: return .normal
            case let .returned(value): return .returned(value)
            }
            guard case let .bool(again) = try evaluate(node.condition, in: scope) else {
                throw SnippetError("a condition must be a Bool", at: node.condition)
            }
            if !again { return .normal }
        } while true
    }

    /// The elements a `for` loop visits.
    func iterate(_ sequence: Value, at node: some SyntaxProtocol) throws -> [Value] {
        switch sequence {
        case let .array(elements): return elements
        case let .set(set): return set.elements
        case let .range(lower, upper):
            return try Interpreter.integers(lower, upper)
        case let .dictionary(dictionary):
            return dictionary.pairs.map { .tuple([$0.key, $0.value], labels: ["key", "value"]) }
        case let .string(text): return text.map { .string(String($0)) }
        case let .tensor(tensor): return tensor.scalars.map { .double($0) }
        default:
            if case .some = sequence {
                throw SnippetError("cannot iterate over a value of optional type '\(sequence.typeName)'\(Value.unwrapAdvice) (`for x in list ?? []`)", at: node)
            }
            throw SnippetError("cannot iterate over a \(sequence.typeName); use an array, a range, a set or a dictionary", at: node)
        }
    }

    /// The integers of a range as an array, checked against the memory budget and the time limit.
    static func integers(_ lower: Int, _ upper: Int) throws -> [Value] {
        guard lower < upper else { return [] }
        let count = upper.subtractingReportingOverflow(lower)
        try Footprint.require(count.overflow ? .max : Footprint.header + Footprint.times(count.partialValue, Footprint.slot),
                              for: "an array of the range \(lower)..<\(upper)")
        var result: [Value] = []
        result.reserveCapacity(count.partialValue)
        var ticker = Ticker()
        for i in lower..<upper {
            try ticker.tick()
            result.append(.int(i))
        }
        return result
    }
}
