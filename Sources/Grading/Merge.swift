import Foundation

/// Joins the outputs of `gradus grade --shard K/N` runs into the folder one run would have written.
///
/// Shards hold disjoint students, so merging is copying each student's folder and putting the
/// gradebook rows back in student order; rows of one student stay in the order their shard wrote.
public enum Merge {
    public static func merge(_ inputs: [String], into output: String) throws {
        var blocks: [String: (rows: String, from: String)] = [:]
        for input in inputs {
            let path = Release.join(input, "gradebook.csv")
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw GradingError("no gradebook.csv in '\(input)': is it the --out folder of a gradus grade run?")
            }
            guard text.hasPrefix(Gradebook.header) else { throw GradingError("'\(path)' is not a gradus gradebook") }
            var shard: [String: String] = [:]
            var order: [String] = []
            for line in records(text.dropFirst(Gradebook.header.count)) {
                let student = firstField(line)
                if shard[student] == nil { order.append(student) }
                shard[student, default: ""] += line + "\n"
            }
            for student in order {
                if let seen = blocks[student] {
                    throw GradingError("student '\(student)' is in both '\(seen.from)' and '\(input)'; shards must not overlap")
                }
                blocks[student] = (shard[student] ?? "", input)
            }
            let studentsFolder = Release.join(input, "students")
            let present = FileManager.default.fileExists(atPath: studentsFolder) ? try Submissions.students(studentsFolder) : []
            for student in present where blocks[student] == nil {
                blocks[student] = ("", input)
            }
        }
        let files = FileManager.default
        try files.createDirectory(atPath: output, withIntermediateDirectories: true)
        let students = blocks.keys.sorted(by: Submissions.precedes)
        var csv = Gradebook.header
        for student in students {
            guard let block = blocks[student] else { continue }
            csv += block.rows
            let target = Gradebook.folder(of: student, in: output)
            if files.fileExists(atPath: target) { try files.removeItem(atPath: target) }
            try files.createDirectory(atPath: Release.join(output, "students"), withIntermediateDirectories: true)
            try files.copyItem(atPath: Gradebook.folder(of: student, in: block.from), toPath: target)
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: Release.join(output, "gradebook.csv")), options: .atomic)
    }

    /// The gradebook's rows: its lines, except that a line break inside a quoted field (a student
    /// whose folder name holds one) belongs to the row it is in.
    static func records(_ text: Substring) -> [Substring] {
        var rows: [Substring] = []
        var start = text.utf8.startIndex
        var quoted = false
        // Bytes, not Characters: "\r\n" is one Character and would hide its line feed.
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: "\n"), !quoted {
                if start < index { rows.append(text[start..<index]) }
                start = text.utf8.index(after: index)
            }
        }
        if start < text.endIndex { rows.append(text[start...]) }
        return rows
    }

    /// The first CSV field of a row, unquoted.
    static func firstField(_ line: Substring) -> String {
        guard line.hasPrefix("\"") else { return String(line.prefix { $0 != "," }) }
        var result = ""
        var index = line.index(after: line.startIndex)
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            if character == "\"" {
                if next < line.endIndex, line[next] == "\"" {
                    result.append("\"")
                    index = line.index(after: next)
                    continue
                }
                break
            }
            result.append(character)
            index = next
        }
        return result
    }
}
