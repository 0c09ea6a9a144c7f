import Foundation
import Testing
@testable import Lessons

/// Hostile and malformed `.ipynb` text: every mistake is an error at the line and column where it is.
@Suite struct NotebookReadingTests {
    /// The error reading `text` (markers `1️⃣` show where it must point), or nil when it reads.
    func error(_ text: String) -> (diagnostic: LessonDiagnostic, expected: Lessons.SourceLocation)? {
        let marked = Marked(text, path: "bad.ipynb")
        do {
            _ = try JupyterNotebook.read(marked.source, path: "bad.ipynb").lessonText(path: "bad.ipynb")
            return nil
        } catch {
            return (error, marked["1️⃣"])
        }
    }

    static let cases: [(text: String, message: String)] = [
        ("1️⃣", "the file is empty"),
        ("{\"cells\": [1️⃣}", "expected a JSON value"),
        ("{\"cells\": []1️⃣", "expected ',' or '}'"),
        ("{\"nbformat\": 4,\n \"cells\": [],\n 1️⃣\"nbformat\": 4}", "duplicate key 'nbformat'"),
        ("{\"nbformat\": 1️⃣01}", "leading zero"),
        ("{\"nbformat\": 1️⃣99999999999999999999999999999}", "'nbformat' must be a whole number"),
        ("{\"nbformat\": 1️⃣3, \"cells\": []}", "nbformat 3 notebook"),
        ("{\"nbformat\": 1️⃣5, \"cells\": []}", "nbformat 5 notebook"),
        ("{\"nbformat\": 1️⃣\"4\", \"cells\": []}", "'nbformat' must be a whole number such as 4, not a string"),
        ("1️⃣[]", "a notebook is a JSON object"),
        ("1️⃣{\"cells\": []}", "no 'nbformat' key"),
        ("{\"nbformat\": 4, \"cells\": 1️⃣{}}", "'cells' must be an array"),
        ("{\"nbformat\": 4, \"cells\": [1️⃣\"text\"]}", "a cell must be an object"),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": 1️⃣\"heading\"}]}", "'cell_type' must be"),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\", 1️⃣7]}]}", "each line of 'source'"),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"execution_count\": 1️⃣1e999}]}", "'execution_count'"),
        ("{\"nbformat\": 4, \"cells\": [], \"metadata\": 1️⃣[]}", "'metadata' must be an object"),
        ("{\"nbformat\": 4, \"cells\": [], \"metadata\": {\"gradus\": {\"blank_lines_after\": 1️⃣1000000000}}}", "from 0 to 1000"),
        ("{\"nbformat\": 4, \"cells\": [], \"metadata\": {\"gradus\": {\"front_matter\": [1️⃣\"a\\nb\"]}}}", "without a line break"),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"metadata\": {\"gradus\": {\"fence\": 1️⃣\"``\"}}}]}", "backticks or tildes"),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"metadata\": {\"gradus\": {\"info\": 1️⃣\"a\\nb\"}}}]}", "on one line"),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"metadata\": {\"gradus\": {\"attributes\": {\"a\": 1️⃣[]}}}}]}", "must be a string"),
        ("{\"nbformat\": 4, \"cells\": [\n  {\"source\": \"1️⃣\u{1}\"}]}", "control character 0x01"),
        ("{\"a\": \"1️⃣\\x\"}", "unknown escape '\\x'"),
        ("{\"a\": \"1️⃣\\ud800\"}", "first half of a surrogate pair"),
        ("{\"a\": \"1️⃣\\udc00\"}", "second half of a surrogate pair"),
        ("{\"a\": \"never closed1️⃣", "never closed"),
        ("{\"a\": 1️⃣tru}", "expected 'true'"),
        ("{\"nbformat\": 4, \"cells\": []} 1️⃣x", "unexpected text after the JSON value"),
        ("{1️⃣'a': 1}", "expected a key in double quotes"),
    ]

    @Test(arguments: cases.indices)
    func malformedNotebookIsALocatedError(_ index: Int) throws {
        let (text, message) = Self.cases[index]
        let failure = try #require(error(text), "\(text) was read without an error")
        #expect(failure.diagnostic.location == failure.expected, "\(text): \(failure.diagnostic)")
        #expect(failure.diagnostic.message.contains(message), "\(text): \(failure.diagnostic.message)")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let thrown = #expect(throws: LessonDiagnostic.self) { try JSONReader.parse(text, path: "deep.ipynb") }
        #expect(thrown?.location == Lessons.SourceLocation(path: "deep.ipynb", line: 1, column: JSONReader.maximumDepth + 1))
        #expect(thrown?.message.contains("nested too deeply") == true)
        // Just within the limit reads.
        let within = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(throws: Never.self) { try JSONReader.parse(within, path: "deep.ipynb") }
    }

    @Test func duplicateKeyNotePointsAtTheFirst() throws {
        let thrown = #expect(throws: LessonDiagnostic.self) { try JSONReader.parse("{\"a\": 1,\n\"a\": 2}", path: "d.json") }
        #expect(thrown?.notes.first?.location == Lessons.SourceLocation(path: "d.json", line: 1, column: 2))
    }

    @Test func readerDecodesWhatTheWriterWrites() throws {
        let value = JSON.object([
            "text": .string("quote \" backslash \\ tab \t newline \n nul \u{0} bell \u{7} é 😀 \u{2028}"),
            "list": .array([.int(-12), .bool(true), .null, .array([]), .object([])]),
            "number": JSON(.number("-1.5e-7")),
            // Python's json.dumps(..., ensure_ascii=False) writes this as "\r\b\f\u001f★" + a raw DEL + "end".
            "more": .string("\r\u{8}\u{c}\u{1f}★\u{7f}end"),
        ])
        let text = JSONWriter.write(value)
        #expect(text.contains(#""quote \" backslash \\ tab \t newline \n nul \u0000 bell \u0007 é 😀 \#u{2028}""#))
        #expect(text.contains(#""\r\b\f\u001f★\#u{7f}end""#))
        #expect(try JSONReader.parse(text, path: "x.json") == value)
        #expect(try JSONReader.parse(#""\ud83d\ude00 \u00e9 \/""#, path: "x.json") == .string("😀 é /"))
    }
}
