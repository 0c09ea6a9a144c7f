import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns a cmark node tree for the length of one parse or render, freeing it on release.
///
/// cmark nodes are C pointers and not `Sendable`; the lesson model never stores one. Each use
/// parses the lesson's prepared text again, which costs well under a millisecond per lesson.
final class CmarkDocument {
    let root: OpaquePointer

    /// Parses `bytes` with source positions on.
    init?(_ bytes: [UInt8]) {
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
                }
            }
        }
        guard let parsed = parsed ?? cmark_parse_document("", 0, CMARK_OPT_SOURCEPOS) else { return nil }
        root = parsed
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

    /// The top-level blocks, in order.
    var topLevelBlocks: [OpaquePointer] {
        var blocks: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            blocks.append(node)
            child = cmark_node_next(node)
        }
        return blocks
    }

    /// The HTML cmark renders for `node` and its children, with raw HTML suppressed.
    static func html(_ node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

/// Reading one cmark node's fields as Swift values.
extension OpaquePointer {
    var cmarkType: cmark_node_type { cmark_node_get_type(self) }
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
