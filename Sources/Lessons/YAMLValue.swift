import Yams

/// A YAML value from front matter or `course.yml`, kept for keys the lesson model does not know.
///
/// Tools add their own keys (a site theme, a grader weight); keeping them typed but generic lets
/// those tools read them without this module learning about each one.
public enum YAMLValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case mapping([String: YAMLValue])

    /// The value as text if it is a scalar, so `key: 3` and `key: "3"` both read as "3".
    public var string: String? {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .bool(let value): String(value)
        case .null, .list, .mapping: nil
        }
    }

    /// The value as a number if it is an integer or a number.
    public var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// A YAML-like rendering for messages.
    public var description: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .bool(let value): String(value)
        case .null: "null"
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            "{" + pairs.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                .joined(separator: ", ") + "}"
        }
    }

    /// Converts a composed Yams node, using the tags the YAML resolver assigned.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            switch Resolver.default.resolveTag(of: node) {
            case .int: self = Int(scalar.string).map(YAMLValue.integer) ?? .string(scalar.string)
            case .float: self = node.float.map(YAMLValue.number) ?? .string(scalar.string)
            case .bool: self = node.bool.map(YAMLValue.bool) ?? .string(scalar.string)
            case .null: self = .null
            default: self = .string(scalar.string)
            }
        case .sequence(let sequence):
            self = .list(sequence.map(YAMLValue.init))
        case .mapping(let mapping):
            var pairs: [String: YAMLValue] = [:]
            for (key, value) in mapping {
                pairs[key.string ?? "\(key)"] = YAMLValue(value)
            }
            self = .mapping(pairs)
        case .alias:
            self = .null
        }
    }
}

/// Parses YAML embedded in a file, reporting errors at file positions.
struct EmbeddedYAML {
    /// The file the YAML is in.
    let source: SourceText
    /// The file line holding the YAML's first line.
    let firstLine: Int

    /// The file location of a Yams mark (1-based line and scalar column within the YAML).
    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return source.location(line: firstLine, column: 1) }
        let line = firstLine + max(0, mark.line - 1)
        return source.location(line: line, column: source.byteColumn(line: line, scalarColumn: mark.column))
    }

    /// Composes `yaml` into a node tree, or returns a diagnostic naming what was malformed and where.
    func compose(_ yaml: String, what: String) -> Result<Node?, LessonDiagnostic> {
        do {
            return .success(try Yams.compose(yaml: yaml))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, what: what))
        } catch {
            return .failure(.error("malformed \(what): \(error)", at: location(of: nil)))
        }
    }

    private func diagnostic(for error: YamlError, what: String) -> LessonDiagnostic {
        switch error {
        case let .scanner(context, problem, mark, _),
            let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let notes = context.map { [LessonDiagnostic.Note($0.text, at: location(of: $0.mark))] } ?? []
            return .error("malformed \(what): \(problem)", at: location(of: mark), notes: notes)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(
                "malformed \(what): duplicate key \(duplicates.joined(separator: ", "))",
                at: location(of: context.mark))
        default:
            return .error("malformed \(what): \(error)", at: location(of: nil))
        }
    }
}
