extension PercentScript {
    /// The lesson Markdown for a percent-format script; throws at the first malformed line.
    ///
    /// Undoes exactly what `script(fromLesson:)` does, so `lesson(fromScript: script(fromLesson: m))`
    /// is `m` byte for byte. Hand-written scripts are read leniently: a prose line may be `//text`.
    public static func lesson(fromScript script: String, path: String = "script.swift") throws(LessonDiagnostic) -> String {
        let file = LineFile(script)
        let lines = file.lines
        func location(_ index: Int) -> SourceLocation { SourceLocation(path: path, line: index + 1, column: 1) }
        let headers = lines.indices.filter { lines[$0].hasPrefix("// %%") }
        var output: [String] = []

        // Before the first header: front matter comments, then blank lines.
        let prefixEnd = headers.first ?? lines.count
        var gap = trailingBlanks(lines[0..<prefixEnd])
        for index in 0..<(prefixEnd - gap) {
            guard let line = uncomment(unescape(lines[index])) else {
                throw .error("expected a '// ' comment (front matter) or a '// %%' cell header", at: location(index))
            }
            output.append(line)
        }

        for (position, headerIndex) in headers.enumerated() {
            output += Array(repeating: "", count: gap)
            let end = position + 1 < headers.count ? headers[position + 1] : lines.count
            var body = Array(lines[(headerIndex + 1)..<end])
            gap = trailingBlanks(body[...])
            body.removeLast(gap)
            let header = try Header(lines[headerIndex], at: location(headerIndex))
            if header.markdown {
                for (offset, line) in body.enumerated() {
                    guard let text = uncomment(unescape(line)) else {
                        throw .error("a markdown cell's lines must be '//' comments", at: location(headerIndex + 1 + offset))
                    }
                    output.append(text)
                }
                continue
            }
            guard header.blank <= gap else {
                throw .error("the header says [blank=\(header.blank)] but only \(gap) blank lines follow the code",
                             at: location(headerIndex))
            }
            body += Array(repeating: "", count: header.blank)
            gap -= header.blank
            output.append(header.fence + "swift" + header.rest)
            var code = body.map(unescape)
            if header.show {
                guard let unwrapped = ShowCalls.unwrap(code.joined(separator: "\n")) else {
                    throw .error("a show( call in this [show] cell is not closed", at: location(headerIndex))
                }
                code = unwrapped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            output += code
            output.append(header.close ?? header.fence)
        }
        output += Array(repeating: "", count: gap)
        return LineFile(lines: output, crlf: file.crlf, terminated: file.terminated).text
    }

    /// A `// %%` line: a markdown cell, or a Swift cell with its fences and the rest of its info string.
    struct Header {
        var markdown = false
        var fence = "```"
        var close: String?
        var blank = 0
        /// Export wrapped the cell's displayed values in `show(...)`.
        var show = false
        var rest = ""

        init(_ line: String, at location: SourceLocation) throws(LessonDiagnostic) {
            var rest = Substring(line.dropFirst(5))
            while rest.hasPrefix(" ["), let end = rest.firstIndex(of: "]") {
                let tag = rest[rest.index(rest.startIndex, offsetBy: 2)..<end]
                rest = rest[rest.index(after: end)...]
                if tag == "markdown" {
                    markdown = true
                } else if tag.hasPrefix("fence="), Self.isFence(tag.dropFirst(6)) {
                    fence = String(tag.dropFirst(6))
                } else if tag.hasPrefix("close="), Self.isFence(tag.dropFirst(6)) {
                    close = String(tag.dropFirst(6))
                } else if tag.hasPrefix("blank="), let count = Int(tag.dropFirst(6)), count >= 0 {
                    blank = count
                } else if tag == "show" {
                    show = true
                } else {
                    throw .error("unknown cell header tag '[\(tag)]': expected [markdown], [fence=```], [close=```], [blank=N] or [show]",
                                 at: location)
                }
            }
            if let first = rest.first, first != " " && first != "\t" {
                throw .error("expected a space after '// %%'", at: location)
            }
            if markdown, !rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
                throw .error("a '// %% [markdown]' header takes no attributes", at: location)
            }
            self.rest = String(rest)
        }

        /// Three or more backticks, or three or more tildes.
        static func isFence(_ text: Substring) -> Bool {
            text.count >= 3 && (text.allSatisfy { $0 == "`" } || text.allSatisfy { $0 == "~" })
        }
    }

    /// Removes one backslash from a line that `escape` protected.
    static func unescape(_ line: String) -> String {
        guard let count = headerBackslashes(line), count > 0 else { return line }
        var text = line
        text.remove(at: text.index(text.startIndex, offsetBy: 2))
        return text
    }

    /// The prose of a `//` comment line; nil for a line that is not a comment.
    static func uncomment(_ line: String) -> String? {
        if line.hasPrefix("// ") { return String(line.dropFirst(3)) }
        if line.hasPrefix("//") { return String(line.dropFirst(2)) }
        return nil
    }

    static func trailingBlanks(_ lines: ArraySlice<String>) -> Int {
        lines.reversed().prefix { $0.isEmpty }.count
    }
}
