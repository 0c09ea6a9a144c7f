import Foundation
import Testing
@testable import Snippets

/// docs/dsl.md lists every builtin with an example, and its examples run.
@Suite struct DocsTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/dsl.md").path

    @Test func everyBuiltinIsDocumented() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let registry = BuiltinRegistry.standard
        let names = registry.functions.keys.filter { $0.first?.isLetter == true }
        var missing = names.filter { !text.contains("`\($0)") && !text.contains("\($0)(") }.sorted()
        for (type, members) in registry.members {
            for name in members.keys where !text.contains(".\(name)") {
                missing.append("\(type).\(name)")
            }
        }
        for (type, methods) in registry.methods {
            for name in methods.keys where !text.contains("`\(name)") && !text.contains(".\(name)") {
                missing.append("\(type).\(name)()")
            }
        }
        for (type, getters) in registry.getters {
            for name in getters.keys where !text.contains("`\(name)`") && !text.contains(".\(name)") {
                missing.append("\(type).\(name)")
            }
        }
        #expect(missing.isEmpty, "not in docs/dsl.md: \(missing)")
    }

    @Test func everyExampleRuns() throws {
        let result = try Notebook.run(path: Self.path)
        #expect(result.cells.count >= 20)
        for cell in result.cells {
            #expect(cell.status == .ok, "docs/dsl.md cell \(cell.number): \(cell.error?.rendered ?? "")")
        }
    }
}
