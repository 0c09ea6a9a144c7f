import Foundation
import Testing
@testable import Lessons

/// Lessons as Jupyter notebooks: the exact file for a small lesson, byte-for-byte round trips, foreign notebooks.
@Suite struct NotebookTests {
    /// The lesson text that the notebook for `markdown` imports back to, through the `.ipynb` text.
    func roundTrip(_ markdown: String, path: String = "lessons/01-small.md") throws -> String {
        let notebook = JupyterNotebook.export(Lesson.parse(source: markdown, path: path))
        return try JupyterNotebook.read(notebook.text, path: "small.ipynb").lessonText(path: "small.ipynb")
    }

    @Test func smallLessonExportsToTheHandWrittenNotebook() throws {
        let lesson = """
            ---
            title: Small
            ---

            # Small

            Prose with $\\eta$.

            ~~~swift exercise=step points=2
            let x = 1


            ~~~

            ```swift test=step
            expect(x == 1)
            ```
            """
        let notebook = JupyterNotebook.export(Lesson.parse(source: lesson, path: "lessons/01-small.md"))
        // Written by hand from nbformat 4.5 and nbgrader's schema 3, in Jupyter's own layout.
        #expect(notebook.text == """
            {
             "cells": [
              {
               "cell_type": "markdown",
               "id": "01-small-1",
               "metadata": {},
               "source": [
                "# Small\\n",
                "\\n",
                "Prose with $\\\\eta$."
               ]
              },
              {
               "cell_type": "code",
               "execution_count": null,
               "id": "01-small-2",
               "metadata": {
                "gradus": {
                 "attributes": {
                  "exercise": "step",
                  "points": "2"
                 },
                 "blank_lines_before_close": 2,
                 "fence": "~~~",
                 "info": " exercise=step points=2"
                },
                "nbgrader": {
                 "grade": false,
                 "grade_id": "step",
                 "locked": false,
                 "schema_version": 3,
                 "solution": true,
                 "task": false
                }
               },
               "outputs": [],
               "source": [
                "let x = 1"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": null,
               "id": "01-small-3",
               "metadata": {
                "gradus": {
                 "attributes": {
                  "test": "step"
                 },
                 "info": " test=step"
                },
                "nbgrader": {
                 "grade": true,
                 "grade_id": "step-test-2",
                 "locked": true,
                 "points": 1,
                 "schema_version": 3,
                 "solution": false,
                 "task": false
                }
               },
               "outputs": [],
               "source": [
                "expect(x == 1)"
               ]
              }
             ],
             "metadata": {
              "gradus": {
               "final_newline": false,
               "format": 1,
               "front_matter": [
                "---",
                "title: Small",
                "---"
               ]
              },
              "kernelspec": {
               "display_name": "Swift",
               "language": "swift",
               "name": "swift"
              },
              "language_info": {
               "file_extension": ".swift",
               "mimetype": "text/x-swift",
               "name": "swift"
              },
              "title": "Small"
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }

            """)
        #expect(Array(try roundTrip(lesson).utf8) == Array(lesson.utf8))
    }

    @Test(arguments: [
        "---\r\ntitle: T\r\n---\r\n\r\nProse.\r\n\r\n~~~swift hide\r\nlet a = 1\r\n~~~\r\n",
        "```swift\n```\n",
        "```swift\n\n```\n",
        "````swift\n```\nnot a fence\n`````\n",
        "\n\n\nProse after blank lines.\n\n\n",
        "No final newline\n\n```swift\nlet x = 1\n```",
        "   \n\t\n```swift\nlet x = 1\n```\n   \n",
        "```python\nprint(1)\n```\n\n- item\n\n  ```swift\n  nested()\n  ```\n",
        "```swift\nunclosed()\n",
        "```swift   label=\"a \\\"b\\\"\"  points=2 points=3\nlet x = 1\n```\n",
        "```swift [brackets]\nlet x = 1\n```\n",
        "Prose with a stray \r carriage return\n```swift\nlet x = 1\n```\n",
        "Mixed\r\nendings\n```swift\nlet x = 1\r\n```\n",
        "# Unicode café\u{301}\n\n```swift\nlet s = \"e\u{301}\" // \u{2028} and \u{1}\n```\n",
        "",
        "\n",
    ])
    func trickyLessonsRoundTrip(_ markdown: String) throws {
        #expect(Array(try roundTrip(markdown).utf8) == Array(markdown.utf8))
    }

    @Test func everyCourseLessonAndTheDSLGuideRoundTrip() throws {
        let lessons = AuthoringTests.root.appendingPathComponent("lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: lessons.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names.count >= 12)
        var paths = names.map { lessons.appendingPathComponent($0).path }
        paths.append(AuthoringTests.root.appendingPathComponent("docs/dsl.md").path)
        for path in paths {
            let markdown = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            let lesson = Lesson.parse(source: markdown, path: path)
            let notebook = JupyterNotebook.export(lesson)
            let back = try JupyterNotebook.read(notebook.text, path: "x.ipynb").lessonText(path: "x.ipynb")
            #expect(Array(back.utf8) == Array(markdown.utf8), "\(path) does not round-trip")
            // The prose-only fallback must not be what makes the round trip pass.
            let swiftCells = lesson.segments.filter {
                if case .cell(let cell) = $0 { return cell.language == "swift" && cell.isClosed } else { return false }
            }.count
            #expect(notebook.cells.filter { $0.type == .code }.count == swiftCells, "\(path)")
            #expect(Set(notebook.cells.compactMap(\.id)).count == notebook.cells.count, "\(path): cell ids repeat")
            #expect(notebook.text == JupyterNotebook.export(Lesson.parse(source: markdown, path: path)).text, "\(path): not deterministic")
            // With outputs (which `export` leaves out of its round-trip check) the lesson still comes back.
            var results: [Int: JupyterNotebook.Results] = [:]
            for case .cell(let cell) in lesson.segments where cell.language == "swift" {
                let stream = JSON.object(["name": .string("stdout"), "output_type": .string("stream"),
                                          "text": .string("```\n# %% a fence and a cell marker\n\u{1}\r\n")])
                results[cell.index] = JupyterNotebook.Results(outputs: [stream], executionCount: cell.index + 1)
            }
            let withOutputs = JupyterNotebook.export(lesson, results: results)
            #expect(withOutputs.text.contains("a fence and a cell marker") == (swiftCells > 0), "\(path)")
            let backWithOutputs = try JupyterNotebook.read(withOutputs.text, path: "x.ipynb").lessonText(path: "x.ipynb")
            #expect(Array(backWithOutputs.utf8) == Array(markdown.utf8), "\(path) with outputs does not round-trip")
        }
    }

    @Test func editedCellsComeBackAsEdited() throws {
        var notebook = JupyterNotebook.export(Lesson.parse(source: "# T\n\n```swift hide\nlet a = 1\n```\n", path: "t.md"))
        notebook.cells[1].source = "let a = 2\nprint(a)"
        notebook.cells.append(JupyterNotebook.Cell(type: .markdown, id: "new", source: "Added in Jupyter."))
        notebook.cells.append(JupyterNotebook.Cell(type: .code, id: "empty", source: ""))
        #expect(try notebook.lessonText(path: "t.ipynb") == "# T\n\n```swift hide\nlet a = 2\nprint(a)\n```\n\nAdded in Jupyter.\n")
        // Attributes edited in the metadata win over the info string they no longer match.
        notebook.cells[1].metadata = .object(["gradus": .object(["attributes": .object(["norun": .bool(true), "points": .int(3)]),
                                                                  "info": .string(" hide")])])
        #expect(try notebook.lessonText(path: "t.ipynb").contains("```swift norun points=3\n"))
    }

    @Test func foreignSwiftNotebookBecomesACleanLesson() throws {
        let text = """
            {"cells": [
              {"cell_type": "markdown", "id": "9f1c", "metadata": {}, "source": ["# Descent\\n", "\\n", "Step: $x \\\\leftarrow x - \\\\eta g$.\\n"]},
              {"cell_type": "code", "execution_count": 3, "id": "a2", "metadata": {"collapsed": false},
               "outputs": [{"name": "stdout", "output_type": "stream", "text": ["2.7\\n"]}],
               "source": "var x = 3.0\\nx -= 0.3\\nprint(x)\\n"},
              {"cell_type": "code", "execution_count": null, "id": "b3", "metadata": {"vscode": {"languageId": "python"}}, "outputs": [], "source": ["import numpy"]},
              {"cell_type": "code", "execution_count": null, "id": "c4", "metadata": {"tags": ["raises-exception"]}, "outputs": [], "source": ["```\\n", "let y: Int = \\"a\\""]},
              {"cell_type": "raw", "id": "d5", "metadata": {}, "source": "raw text"},
              {"cell_type": "code", "execution_count": null, "id": "e6", "metadata": {}, "outputs": [], "source": []}
            ],
            "metadata": {"kernelspec": {"display_name": "Swift", "language": "swift", "name": "swift"},
                         "language_info": {"file_extension": ".swift", "mimetype": "text/x-swift", "name": "swift", "version": ""},
                         "title": "Descent: a \\"first\\" look"},
            "nbformat": 4, "nbformat_minor": 5}
            """
        let lesson = try JupyterNotebook.read(text, path: "foreign.ipynb").lessonText(path: "foreign.ipynb")
        #expect(lesson == """
            ---
            title: "Descent: a \\"first\\" look"
            ---

            # Descent

            Step: $x \\leftarrow x - \\eta g$.

            ```swift
            var x = 3.0
            x -= 0.3
            print(x)
            ```

            ```python
            import numpy
            ```

            ````swift raises
            ```
            let y: Int = "a"
            ````

            ```
            raw text
            ```

            """)
        let parsed = Lesson.parse(source: lesson, path: "foreign.md")
        #expect(parsed.title == "Descent: a \"first\" look")
        #expect(parsed.cells.map(\.runs) == [true, false, true, false])
        #expect(!parsed.hasErrors)
    }

    @Test func pythonNotebookCellsDoNotRun() throws {
        let text = #"{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "print(1)", "execution_count": 1}], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}, "nbformat": 4, "nbformat_minor": 4}"#
        #expect(try JupyterNotebook.read(text, path: "p.ipynb").lessonText(path: "p.ipynb") == "```python\nprint(1)\n```\n")
    }
}
