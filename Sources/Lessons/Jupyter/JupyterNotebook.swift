/// A Jupyter notebook (nbformat 4): its cells and metadata, read from and written to `.ipynb` JSON.
///
/// Only what gradus needs is typed (the cell kind, id, source, metadata, outputs and execution
/// count); outputs and metadata stay JSON, so a notebook's own keys pass through untouched.
/// Reading checks the structure and reports every mistake at its `path:line:column` in the file.
public struct JupyterNotebook: Sendable, Equatable {
    /// The nbformat version written: 4.5, the first with cell ids.
    public static let major = 4
    public static let minor = 5

    public enum CellType: String, Sendable, CaseIterable {
        case markdown, code, raw
    }

    /// One cell.
    public struct Cell: Sendable, Equatable {
        public var type: CellType
        /// The cell id (nbformat 4.5): letters, digits, `-` and `_`, at most 64.
        public var id: String?
        /// The text, lines joined by `\n`.
        public var source: String
        /// The cell's metadata object.
        public var metadata: JSON
        /// Code cells: the outputs, as nbformat output objects.
        public var outputs: [JSON]
        /// Code cells: the execution counter, nil when not run.
        public var executionCount: Int?
        /// Where the cell's object starts in the file it was read from.
        public var location: SourceLocation?

        public init(type: CellType, id: String?, source: String, metadata: JSON = .object([]), outputs: [JSON] = [],
                    executionCount: Int? = nil) {
            self.type = type
            self.id = id
            self.source = source
            self.metadata = metadata
            self.outputs = outputs
            self.executionCount = executionCount
        }

        /// The cell as nbformat JSON.
        var json: JSON {
            var members: [JSON.Member] = [
                .init("cell_type", .string(type.rawValue)),
                .init("metadata", metadata),
                .init("source", .array(JupyterNotebook.lines(source).map { JSON.string($0) })),
            ]
            if let id { members.append(.init("id", .string(id))) }
            if type == .code {
                members.append(.init("execution_count", executionCount.map(JSON.int) ?? .null))
                members.append(.init("outputs", .array(outputs)))
            }
            return .object(members)
        }
    }

    public var cells: [Cell]
    /// The notebook's metadata object: kernelspec, language_info, title, and gradus's own keys.
    public var metadata: JSON
    /// The minor version read (written as `JupyterNotebook.minor`).
    public var minorVersion: Int

    public init(cells: [Cell], metadata: JSON, minorVersion: Int = JupyterNotebook.minor) {
        self.cells = cells
        self.metadata = metadata
        self.minorVersion = minorVersion
    }

    /// The notebook as nbformat JSON.
    public var json: JSON {
        .object([
            "cells": .array(cells.map(\.json)),
            "metadata": metadata,
            "nbformat": .int(Self.major),
            "nbformat_minor": .int(Self.minor),
        ])
    }

    /// The `.ipynb` file's text, as Jupyter would save it.
    public var text: String { JSONWriter.write(json) }

    /// Jupyter's multi-line string: each line keeps its `\n`, the last has none; empty text is no lines.
    static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        lines[lines.count - 1].removeLast()
        if lines[lines.count - 1].isEmpty { lines.removeLast() }
        return lines
    }
}
