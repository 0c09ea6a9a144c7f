import Lessons
import Pages

/// The renderer called as the tests of the old cmark renderer did, so they check the tree walk alike.
extension Lesson {
    /// The whole body; `cell` draws a cell or returns nil for a plain code block.
    func html(cell: @escaping (Cell) -> String? = { _ in nil }) -> String {
        MarkdownHTML.body(self, options: .init(cell: cell)).html
    }

    /// One prose run.
    func html(_ prose: Prose, cell: @escaping (Cell) -> String? = { _ in nil }) -> String {
        MarkdownHTML.blocks(self, prose.blocks, options: .init(cell: cell))
    }
}
