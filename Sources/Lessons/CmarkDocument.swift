import CCmarkGFM
import Synchronization

/// Owns a cmark-gfm node tree for the length of one parse, freeing it on release.
///
/// cmark nodes are C pointers and not `Sendable`; the lesson model never stores one, it copies
/// the tree into `MarkdownNode`s, which every renderer walks. GitHub's table, strikethrough and
/// autolink extensions are on, so lessons read as they do on GitHub.
final class CmarkDocument {
    let root: OpaquePointer

    /// The GitHub extensions every parse attaches.
    static let extensions = ["table", "strikethrough", "autolink"]

    /// Registers cmark-gfm's extensions once per process: its own registration is not thread-safe,
    /// and a Swift static is initialized exactly once, whichever thread parses first.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Held while a parser runs. cmark-gfm keeps the characters that start an extension's inline
    /// syntax (`~` for strikethrough, `w` and `:` for autolinks) in one process-wide table, which
    /// every parse switches on when fed and off when finished: two parses at once on different
    /// threads would switch it off under each other and miss `~~struck~~` text at random.
    private static let parsing = Mutex(())

    /// Parses `bytes` with source positions on.
    init?(_ bytes: [UInt8]) {
        _ = Self.registered
        let parsed = Self.parsing.withLock { _ in Self.parse(bytes) }
        guard let parsed else { return nil }
        root = parsed
    }

    private static func parse(_ bytes: [UInt8]) -> OpaquePointer? {
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in Self.extensions {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        return cmark_parser_finish(parser)
    }

    deinit { cmark_node_free(root) }

    /// Calls `body` for each node on entry, in document order.
    func forEachNode(_ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
        }
    }

    /// The first node (in document order) nested deeper than `limit` levels below the root, if any.
    ///
    /// Walks with cmark's iterator, which keeps its own stack, so a hostile nesting of
    /// thousands of block quotes is measured without recursion before anything recurses over it.
    func firstNode(deeperThan limit: Int) -> OpaquePointer? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var depth = -1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return nil }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                if depth + 1 > limit { return node }
                // Leaf nodes get an enter event only; containers get enter and exit.
                if Self.isContainer(node.cmarkType) { depth += 1 }
            } else if event == CMARK_EVENT_EXIT {
                depth -= 1
            }
        }
    }

    private static func isContainer(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_CODE_BLOCK,
             CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            false
        default:
            true
        }
    }
}

/// Reading one cmark node's fields as Swift values.
extension OpaquePointer {
    var cmarkType: cmark_node_type { cmark_node_get_type(self) }
    /// cmark-gfm's name for the node's type: how extension nodes (`table`, `strikethrough`) are told apart.
    var cmarkTypeName: String { cmark_node_get_type_string(self).map { String(cString: $0) } ?? "" }
    var cmarkLiteral: String { cmark_node_get_literal(self).map { String(cString: $0) } ?? "" }
    var cmarkStartLine: Int { Int(cmark_node_get_start_line(self)) }
    var cmarkStartColumn: Int { Int(cmark_node_get_start_column(self)) }
    var cmarkEndLine: Int { Int(cmark_node_get_end_line(self)) }
    var cmarkEndColumn: Int { Int(cmark_node_get_end_column(self)) }
    var cmarkChildren: [OpaquePointer] {
        var children: [OpaquePointer] = []
        var child = cmark_node_first_child(self)
        while let node = child {
            children.append(node)
            child = cmark_node_next(node)
        }
        return children
    }
    var cmarkParentType: cmark_node_type? { cmark_node_parent(self).map { cmark_node_get_type($0) } }
}
