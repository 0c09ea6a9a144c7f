import Foundation

/// A page template with `{{name}}` placeholders, checked once when the theme is loaded.
public struct PageTemplate: Sendable {
    public let text: String

    /// The placeholders gradus fills; `content` must appear or pages would be empty.
    public static let placeholders = ["lang", "title", "course", "description", "sidebar", "content", "pager"]

    /// Checks that the template has `{{content}}`; `origin` names the file in the error.
    public init(_ text: String, origin: String) throws(SiteError) {
        guard text.contains("{{content}}") else {
            throw SiteError("\(origin): the page template has no {{content}} placeholder, so pages would be empty")
        }
        self.text = text
    }

    /// A template known to have `{{content}}` (the compiled-in default).
    init(trusted text: String) {
        self.text = text
    }

    /// The template with each known `{{name}}` replaced by `values[name]` (empty when absent); unknown names stay.
    public func render(_ values: [String: String]) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + (values["content"]?.utf8.count ?? 0) + 4096)
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(after[..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            if Self.placeholders.contains(name) {
                output += values[name] ?? ""
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = after[close.upperBound...]
        }
        return output + rest
    }
}

/// Why a build could not produce a site: the message says what and where.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
