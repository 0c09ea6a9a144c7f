import Snippets
import SwiftParser
import SwiftSyntax

/// Highlights Swift at build time from swift-syntax's tokens, so pages need no JavaScript highlighter.
///
/// Every byte of the source is kept (trivia included), so the shown code is exactly the
/// lesson's; only `<span class="tok-…">` wrappers are added. Classes: `tok-kw` keywords,
/// `tok-lit` numbers and `true`/`false`/`nil`, `tok-str` strings, `tok-com` comments,
/// `tok-type` type names, `tok-id` other identifiers.
public enum SwiftHighlighter {
    /// The source as HTML with token spans; the caller wraps it in `<pre><code>`.
    public static func html(_ source: String) -> String {
        // Brackets nested past the parser's safe depth would take it exponential time or its stack: shown plain.
        guard !BracketNesting.isTooDeep(source) else { return HTML.escape(source) }
        let tree = Parser.parse(source: source)
        var output = ""
        output.reserveCapacity(source.utf8.count * 2)
        for token in tree.tokens(viewMode: .sourceAccurate) {
            append(token.leadingTrivia, to: &output)
            let text = token.text
            if let kind = tokenClass(token) {
                output += "<span class=\"tok-\(kind)\">" + HTML.escape(text) + "</span>"
            } else {
                output += HTML.escape(text)
            }
            append(token.trailingTrivia, to: &output)
        }
        return output
    }

    /// The highlight class of a token, nil for punctuation and operators.
    static func tokenClass(_ token: TokenSyntax) -> String? {
        switch token.tokenKind {
        case let .keyword(keyword):
            switch keyword {
            case .true, .false, .nil: return "lit"
            case .Self, .Any: return "type"
            default: return "kw"
            }
        case .integerLiteral, .floatLiteral:
            return "lit"
        case .stringSegment, .stringQuote, .multilineStringQuote, .singleQuote, .rawStringPoundDelimiter:
            return "str"
        case let .identifier(name):
            if isTypePosition(token) || name.first?.isUppercase == true { return "type" }
            return "id"
        case .dollarIdentifier:
            return "id"
        default:
            return nil
        }
    }

    /// Whether the token names a type: in a type annotation, a generic argument, an inheritance clause.
    private static func isTypePosition(_ token: TokenSyntax) -> Bool {
        guard let parent = token.parent else { return false }
        return parent.is(IdentifierTypeSyntax.self) || parent.is(MemberTypeSyntax.self)
    }

    /// Writes trivia, comments wrapped in `tok-com`, whitespace as is.
    private static func append(_ trivia: Trivia, to output: inout String) {
        for piece in trivia {
            var text = ""
            piece.write(to: &text)
            switch piece {
            case .lineComment, .blockComment, .docLineComment, .docBlockComment:
                output += "<span class=\"tok-com\">" + HTML.escape(text) + "</span>"
            default:
                output += HTML.escape(text)
            }
        }
    }
}
