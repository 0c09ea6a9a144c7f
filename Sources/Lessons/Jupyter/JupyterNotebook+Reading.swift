extension JupyterNotebook {
    /// Reads a `.ipynb` file's text; throws at the first mistake with its `path:line:column`.
    ///
    /// Malformed JSON, a notebook of another nbformat major version, and keys of the wrong type
    /// are errors; unknown keys are kept in metadata or ignored, as Jupyter does.
    public static func read(_ text: String, path: String) throws(LessonDiagnostic) -> JupyterNotebook {
        let root = try JSONReader.parse(text, path: path)
        let file = SourceLocation(path: path, line: 1, column: 1)
        guard root.members != nil else {
            throw .error("a notebook is a JSON object with 'cells', 'metadata' and 'nbformat', not \(root.kindName)",
                         at: root.location ?? file)
        }
        guard let format = root["nbformat"] else {
            throw .error("not a notebook: the object has no 'nbformat' key", at: root.location ?? file)
        }
        guard let major = format.int else {
            throw .error("'nbformat' must be a whole number such as 4, not \(format.kindName) '\(format.literal)'",
                         at: format.location ?? file)
        }
        guard major == Self.major else {
            throw .error("this is an nbformat \(major) notebook; gradus reads nbformat 4: convert it with "
                         + "'jupyter nbconvert --to notebook --nbformat 4 FILE' or open and save it in a current Jupyter",
                         at: format.location ?? file)
        }
        var minor = 0
        if let value = root["nbformat_minor"] {
            guard let number = value.int, number >= 0 else {
                throw .error("'nbformat_minor' must be a whole number, not \(value.kindName) '\(value.literal)'", at: value.location ?? file)
            }
            minor = number
        }
        let metadata = try object(root["metadata"], named: "metadata", in: file)
        guard let cellsValue = root["cells"] else {
            throw .error("not a notebook: the object has no 'cells' array", at: root.location ?? file)
        }
        guard let cellValues = cellsValue.array else {
            throw .error("'cells' must be an array of cells, not \(cellsValue.kindName)", at: cellsValue.location ?? file)
        }
        var cells: [Cell] = []
        for value in cellValues {
            cells.append(try cell(value, file: file))
        }
        return JupyterNotebook(cells: cells, metadata: metadata, minorVersion: minor)
    }

    static func cell(_ value: JSON, file: SourceLocation) throws(LessonDiagnostic) -> Cell {
        let at = value.location ?? file
        guard value.members != nil else { throw .error("a cell must be an object, not \(value.kindName)", at: at) }
        guard let typeValue = value["cell_type"] else { throw .error("this cell has no 'cell_type'", at: at) }
        guard let type = typeValue.string.flatMap(CellType.init(rawValue:)) else {
            throw .error("'cell_type' must be \"markdown\", \"code\" or \"raw\", not \(typeValue.kindName) '\(typeValue.literal)'",
                         at: typeValue.location ?? at)
        }
        let source = try multilineString(value["source"] ?? .string(""), named: "source", in: at)
        var id: String?
        if let idValue = value["id"] {
            guard let text = idValue.string else {
                throw .error("a cell 'id' must be a string, not \(idValue.kindName)", at: idValue.location ?? at)
            }
            id = text
        }
        var cell = Cell(type: type, id: id, source: source, metadata: try object(value["metadata"], named: "metadata", in: at))
        cell.location = at
        if type == .code {
            if let outputs = value["outputs"] {
                guard let list = outputs.array else {
                    throw .error("'outputs' must be an array, not \(outputs.kindName)", at: outputs.location ?? at)
                }
                cell.outputs = list
            }
            if let count = value["execution_count"], !count.isNull {
                guard let number = count.int else {
                    throw .error("'execution_count' must be a whole number or null, not \(count.kindName) '\(count.literal)'",
                                 at: count.location ?? at)
                }
                cell.executionCount = number
            }
        }
        return cell
    }

    /// A metadata object; absent is empty.
    static func object(_ value: JSON?, named name: String, in at: SourceLocation) throws(LessonDiagnostic) -> JSON {
        guard let value else { return .object([]) }
        guard value.members != nil else { throw .error("'\(name)' must be an object, not \(value.kindName)", at: value.location ?? at) }
        return value
    }

    /// nbformat's multi-line string: one string, or an array of strings joined as they are.
    static func multilineString(_ value: JSON, named name: String, in at: SourceLocation) throws(LessonDiagnostic) -> String {
        if let text = value.string { return text }
        guard let parts = value.array else {
            throw .error("'\(name)' must be a string or an array of strings, not \(value.kindName)", at: value.location ?? at)
        }
        var text = ""
        for part in parts {
            guard let piece = part.string else {
                throw .error("each line of '\(name)' must be a string, not \(part.kindName)", at: part.location ?? at)
            }
            text += piece
        }
        return text
    }
}

extension JSON {
    /// A short rendering of a scalar for messages: a number's text, a string's contents (cut at 40 characters).
    var literal: String {
        switch kind {
        case .number(let text): text.count > 40 ? String(text.prefix(40)) + "…" : text
        case .string(let text): text.count > 40 ? String(text.prefix(40)) + "…" : text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .array: "[…]"
        case .object: "{…}"
        }
    }
}
