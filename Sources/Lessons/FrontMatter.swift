import Yams

/// The YAML block between `---` lines at the top of a lesson: its title, summary and settings.
public struct FrontMatter: Sendable, Hashable {
    /// The lesson's title, shown in the sidebar and page head; nil when the key is absent.
    public var title: String?
    /// A one-sentence summary for the course index.
    public var summary: String?
    /// The default cell time limit in seconds for this lesson, overriding the course default.
    public var timeout: Double?
    /// The memory a kernel running this lesson may use, in bytes (`memory: 4G`), overriding the course default.
    public var memory: Int?
    /// Every other key, for tools that define their own settings.
    public var extra: [String: YAMLValue]
    /// Where each top-level key is written, so later checks (duplicate titles) can point at it.
    public var keyLocations: [String: SourceLocation]
    /// The file lines the block occupies, fences included; nil when the lesson has no front matter.
    public var lines: ClosedRange<Int>?

    /// Empty front matter.
    public init(
        title: String? = nil, summary: String? = nil, timeout: Double? = nil,
        extra: [String: YAMLValue] = [:]
    ) {
        self.title = title
        self.summary = summary
        self.timeout = timeout
        self.extra = extra
        keyLocations = [:]
        lines = nil
    }
}

extension FrontMatter {
    /// Splits off and parses the front matter of `source`; diagnostics carry file positions.
    static func parse(_ source: SourceText) -> (FrontMatter, [LessonDiagnostic]) {
        var frontMatter = FrontMatter()
        guard source.lineCount >= 1, isFence(source.line(1)) else { return (frontMatter, []) }
        guard let close = (2...max(2, source.lineCount)).first(where: {
            $0 <= source.lineCount && isFence(source.line($0), allowDots: true)
        }) else {
            let diagnostic = LessonDiagnostic.error(
                "front matter opened by '---' on line 1 is never closed",
                at: source.location(line: 1, column: 1),
                fixIt: .init(
                    "close the front matter with a '---' line",
                    range: SourceRange(at: source.location(line: 2, column: 1)),
                    replacement: "---" + source.newline))
            return (frontMatter, [diagnostic])
        }
        frontMatter.lines = 1...close
        let yaml = (2..<close).map(source.line).joined(separator: "\n")
        let embedded = EmbeddedYAML(source: source, firstLine: 2)
        let node: Node?
        switch embedded.compose(yaml, what: "front matter") {
        case .success(let composed): node = composed
        case .failure(let diagnostic): return (frontMatter, [diagnostic])
        }
        guard let node else { return (frontMatter, []) }
        guard let mapping = node.mapping else {
            return (frontMatter, [.error(
                "front matter must be a mapping of keys to values, like 'title: Momentum'",
                at: embedded.location(of: node.mark))])
        }
        var diagnostics: [LessonDiagnostic] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? "\(keyNode)"
            let keyLocation = embedded.location(of: keyNode.mark)
            let valueLocation = embedded.location(of: valueNode.mark ?? keyNode.mark)
            frontMatter.keyLocations[key] = keyLocation
            let value = YAMLValue(valueNode)
            switch key {
            case "title", "summary":
                guard case .scalar = valueNode, let text = value.string else {
                    diagnostics.append(.error("front matter '\(key)' must be text, not \(value)", at: valueLocation))
                    continue
                }
                if key == "title" { frontMatter.title = text } else { frontMatter.summary = text }
            case "timeout":
                guard let seconds = value.number, seconds > 0, seconds.isFinite else {
                    diagnostics.append(.error(
                        "front matter 'timeout' must be a positive number of seconds, not '\(value)'",
                        at: valueLocation))
                    continue
                }
                frontMatter.timeout = seconds
            case "memory":
                guard let bytes = value.string.flatMap(MemorySize.bytes) else {
                    diagnostics.append(.error(
                        "front matter 'memory' must be \(MemorySize.advice), not '\(value)'", at: valueLocation))
                    continue
                }
                frontMatter.memory = bytes
            default:
                frontMatter.extra[key] = value
            }
        }
        return (frontMatter, diagnostics)
    }

    /// Whether a line is a front matter fence: `---` (or `...` closing), trailing blanks allowed.
    private static func isFence(_ line: String, allowDots: Bool = false) -> Bool {
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
