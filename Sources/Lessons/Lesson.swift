import Foundation

/// One lesson: its front matter, its Markdown as a tree, its cells and the prose between them.
///
/// This is the one model the interpreter, the site, the grader and the CLI read, so they agree on
/// what a cell is and where it is. A lesson with mistakes still loads; its `diagnostics` say what
/// is wrong and where.
public struct Lesson: Sendable {
    /// The path the lesson was loaded from, as given; every location in the lesson uses it.
    public var path: String
    /// The file as read, kept so rewrites leave everything but the rewritten cells untouched.
    public var source: String
    /// The parsed front matter.
    public var frontMatter: FrontMatter
    /// The title: the front matter's, else the first `#` heading's, else empty (and diagnosed).
    public var title: String
    /// The front matter summary.
    public var summary: String? { frontMatter.summary }
    /// The lesson's default cell time limit in seconds, if the front matter sets one.
    public var timeout: Double? { frontMatter.timeout }
    /// The memory a kernel running this lesson may use, in bytes, if the front matter sets it.
    public var memory: Int? { frontMatter.memory }
    /// The whole Markdown document, for renderers that walk it.
    public var document: MarkdownNode
    /// Every fenced code block, in order; `cells[i].index == i`.
    public var cells: [Cell]
    /// The top-level blocks grouped into prose runs and the cells between them, in order.
    public var segments: [LessonSegment]
    /// The headings in order, with unique anchors.
    public var headings: [Heading]
    /// The formulas of the prose, in order.
    public var math: [MathSpan]
    /// Everything wrong with the lesson, in file order.
    public var diagnostics: [LessonDiagnostic]
    /// The text cmark parses: front matter blanked and formulas replaced, positions unchanged.
    var prepared: [UInt8]
    var text: SourceText

    /// The file name without directory or extension ("03-momentum"), used in URLs and references.
    public var id: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }

    /// The cells that are answers to exercises, in order.
    public var exercises: [Cell] { cells.filter { $0.exercise != nil } }

    /// The cell that is the answer to exercise `id`, if any.
    public func exercise(_ id: String) -> Cell? { cells.first { $0.exercise == id } }

    /// The cells that test exercise `id`, in order.
    public func tests(for id: String) -> [Cell] { cells.filter { $0.test == id } }

    /// Reads and parses the lesson at `path`; throws only when the file cannot be read.
    public static func load(path: String) throws(LessonDiagnostic) -> Lesson {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .error("cannot read lesson: \(error.localizedDescription)",
                         at: SourceLocation(path: path, line: 1, column: 1))
        }
        return parse(source: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses lesson text; `path` is only used in locations. Never fails: problems are diagnostics.
    public static func parse(source: String, path: String) -> Lesson {
        LessonParser(text: SourceText(source, path: path)).parse()
    }
}

/// A run of prose or a top-level cell, in the order a page shows them.
public enum LessonSegment: Sendable, Hashable {
    case prose(Prose)
    case cell(Cell)
}

/// Consecutive top-level blocks that are not cells: paragraphs, headings, lists, formulas.
public struct Prose: Sendable, Hashable {
    /// Indices into `document.children` of the blocks in this run.
    public var blocks: Range<Int>
    /// From the first block's start to the last block's end.
    public var range: SourceRange
    /// The original Markdown of the run's lines.
    public var markdown: String
    /// Cells nested in the run (a fence inside a list item or blockquote), in order.
    public var cellIndices: [Int]
}
