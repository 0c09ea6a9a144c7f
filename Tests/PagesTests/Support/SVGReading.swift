import Foundation

/// Just enough SVG reading for tests: elements by class, attributes, path points.
enum SVGReading {
    /// The opening tags of elements named `tag` whose class list contains `className`, in order.
    static func tags(_ svg: String, _ tag: String, className: String) -> [String] {
        svg.components(separatedBy: "<\(tag) ").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: ">") else { return nil }
            let opening = String(rest[..<end])
            guard let classes = attribute(opening, "class")?.split(separator: " "),
                  classes.contains(Substring(className)) else { return nil }
            return opening
        }
    }

    static func attribute(_ tag: String, _ name: String) -> String? {
        guard let start = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil),
              let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[start.upperBound..<end])
    }

    /// The points of a path made of `M x y` and `L x y` commands (other commands are skipped).
    static func points(_ d: String) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        var numbers: [Double] = []
        var command: Character = " "
        var token = ""
        func flush() {
            if let value = Double(token) { numbers.append(value) }
            token = ""
            if (command == "M" || command == "L"), numbers.count == 2 {
                points.append((numbers[0], numbers[1]))
                numbers = []
            }
        }
        for character in d {
            if character.isLetter && character != "e" {
                flush()
                command = character
                numbers = []
            } else if character == " " || character == "," {
                flush()
            } else if character == "-" && !token.isEmpty && token.last != "e" {
                flush()
                token = "-"
            } else {
                token.append(character)
            }
        }
        flush()
        return points
    }

    /// Text contents of `<text class="…className…">` elements.
    static func texts(_ svg: String, className: String) -> [String] {
        svg.components(separatedBy: "<text ").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: ">"), let close = rest.range(of: "</text>") else { return nil }
            let opening = String(rest[..<end])
            guard attribute(opening, "class")?.split(separator: " ").contains(Substring(className)) == true else { return nil }
            return String(rest[rest.index(after: end)..<close.lowerBound])
        }
    }
}
