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
