import Descent

/// How values print: the way Swift's `print` and `description` show them.
enum Display {
    /// `custom` gives the text of a declared type's value that has its own `description`; `module` is the
    /// module compiled Swift names a declared type with inside a collection (`[lesson_04.Phase.warmup]`).
    static func description(of value: Value, module: String? = nil, custom: ((Value) -> String?)? = nil) -> String {
        switch value {
        case .void: return "()"
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .bool(b): return String(b)
        case let .string(s): return s
        case let .array(items): return "[" + items.map { literal($0, module: module, custom: custom) }.joined(separator: ", ") + "]"
        case let .set(set): return description(of: .array(set.elements), module: module, custom: custom)
        case let .dictionary(dictionary):
            if dictionary.count == 0 { return "[:]" }
            return "[" + dictionary.pairs.map { literal($0.key, module: module, custom: custom) + ": " + literal($0.value, module: module, custom: custom) }.joined(separator: ", ") + "]"
        case let .tuple(items, labels):
            return "(" + zip(items, labels).map { ($1.map { "\($0): " } ?? "") + literal($0, module: module, custom: custom) }.joined(separator: ", ") + ")"
        case let .range(lower, upper): return "\(lower)..<\(upper)"
        case let .function(function): return function.name == "closure" ? "(closure)" : "(function \(function.name))"
        case let .tensor(tensor): return tensor.description
        case let .jet(jet): return jet.description
        case let .variable(variable): return variable.description
        case .null: return "nil"
        // Swift shows what an optional holds as it would inside a collection: `Optional("a")`, `Optional(lesson_x.P(…))`.
        case let .some(wrapped): return "Optional(" + literal(wrapped, module: module, custom: custom) + ")"
        case let .implicitMember(member): return "." + member.name
        case let .native(native):
            if let described = native.payload as? CustomStringConvertible { return described.description }
            return native.sourceText ?? native.typeName
        case let .output(output):
            switch output {
            case let .text(text): return text
            case let .table(table): return "Table(columns: \(table.columns), rows: \(table.rows.count))"
            case let .runs(runs): return "Comparison(\(runs.title), runs: \(runs.runs.map(\.name)))"
            case let .plot(plot): return "Plot(\(plot.series.map(\.name)))"
            }
        case .object, .record, .enumCase, .metatype:
            return declared(value, nested: false, module: module, custom: custom)
        }
    }

    /// A value of a lesson's type as Swift's `print` shows it: `module.Name` for a class instance, and
    /// inside a collection or another value also for a struct, an enum case and a type.
    private static func declared(_ value: Value, nested: Bool, module: String?, custom: ((Value) -> String?)?) -> String {
        if let text = custom?(value) { return text }
        let prefix = module.map { $0 + "." } ?? ""
        let qualified = nested && module != nil
        switch value {
        case let .object(object):
            return prefix + object.type.name
        case let .record(record):
            // Swift shows a lazy property by its hidden storage: nil until read, then Optional(value).
            let parts = zip(record.type.stored, record.fields).map { property, field in
                guard property.isLazy else { return "\(property.name): " + literal(field, module: module, custom: custom) }
                return "$__lazy_storage_$_\(property.name): " + (field.isVoid ? "nil" : "Optional(" + literal(field, module: module, custom: custom) + ")")
            }
            return (qualified ? prefix : "") + record.type.name + "(" + parts.joined(separator: ", ") + ")"
        case let .enumCase(item):
            let name = (qualified ? prefix + item.type.name + "." : "") + item.name
            if item.values.isEmpty { return name }
            return name + "(" + zip(item.values, item.labels).map { ($1.map { "\($0): " } ?? "") + literal($0, module: module, custom: custom) }.joined(separator: ", ") + ")"
        case let .metatype(type):
            return (qualified ? prefix : "") + type.name
        default:
            return description(of: value, module: module, custom: custom)
        }
    }

    /// The form a value takes inside a collection: strings quoted.
    static func literal(_ value: Value, module: String? = nil, custom: ((Value) -> String?)? = nil) -> String {
        switch value {
        case let .string(s): return "\"" + s + "\""
        case .object, .record, .enumCase, .metatype: return declared(value, nested: true, module: module, custom: custom)
        default: return description(of: value, module: module, custom: custom)
        }
    }
}
