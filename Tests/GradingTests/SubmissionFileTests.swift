import Foundation
import Grading
import Testing

/// Submissions are data, never paths: links, folders and pipes where a lesson should be are a
/// status with 0 points, and nothing is read through them.
@Suite struct SubmissionFileTests {
    @Test func linksFoldersAndPipesAreNotReadAndScoreZero() throws {
        let root = try Support.scratch("links")
        let subs = root + "/subs"
        // A copy of the key outside the submissions folder, as a student would aim at it.
        try Support.write(try Support.keyText(), to: root + "/key/momentum.md")
        try FileManager.default.createDirectory(atPath: subs + "/mallory", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: subs + "/mallory/momentum.md", withDestinationPath: "../../key/momentum.md")
        try FileManager.default.createSymbolicLink(atPath: subs + "/oscar", withDestinationPath: "../key")
        try FileManager.default.createDirectory(atPath: subs + "/peggy/momentum.md", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: subs + "/trent", withIntermediateDirectories: true)
        #expect(mkfifo(subs + "/trent/momentum.md", 0o600) == 0)
        try FileManager.default.createDirectory(atPath: subs + "/victor", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: subs + "/victor/momentum.md", withDestinationPath: "/etc/passwd")

        let outcome = try Support.run(["grade", "--key", Support.course, subs, "--out", root + "/out", "--timeout", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try Support.read(root + "/out/gradebook.csv").split(separator: "\n").dropFirst()
        #expect(rows.count == 10)
        for row in rows {
            let fields = row.split(separator: ",").map(String.init)
            #expect(fields[3] == "0" && fields[5] == "not-a-regular-file", "\(row)")
        }
        for student in ["mallory", "oscar", "peggy", "trent", "victor"] {
            let feedback = try Support.read(root + "/out/students/\(student)/feedback.html")
            #expect(!feedback.contains("state.v = 0.9 * state.v"), "\(student)'s feedback shows the key's solution")
            #expect(!feedback.contains("root:x:0:0"), "\(student)'s feedback shows /etc/passwd")
            #expect(feedback.contains("hand in the file itself"))
        }
        let mallory = try Support.read(root + "/out/students/mallory/feedback.html")
        #expect(mallory.contains("a symbolic link stands where"))
        #expect(try Support.read(root + "/out/students/oscar/feedback.html").contains("a symbolic link (the student"))
        #expect(try Support.read(root + "/out/students/peggy/feedback.html").contains("a folder stands where"))
        #expect(try Support.read(root + "/out/students/trent/feedback.html").contains("a device, pipe or socket stands where"))
    }

    @Test func studentNamesNeverCollideWithTheGradersFiles() throws {
        let root = try Support.scratch("names")
        let subs = root + "/subs"
        for name in ["gradebook.csv", "a,b", "<i>x"] {
            try Support.write(try Support.keyText(), to: subs + "/" + name + "/momentum.md")
        }
        let outcome = try Support.run(["grade", "--key", Support.course, subs, "--out", root + "/out", "--timeout", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let csv = try Support.read(root + "/out/gradebook.csv")
        // Sorted by UTF-8 bytes: '<' (0x3C) before 'a' before 'g'; a comma is quoted.
        #expect(csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",").first ?? "") }
                == ["<i>x", "<i>x", "\"a", "\"a", "gradebook.csv", "gradebook.csv"])
        #expect(csv.contains("\"a,b\",momentum,momentum,5,5,passed"))
        for name in ["gradebook.csv", "a,b", "<i>x"] {
            #expect(FileManager.default.fileExists(atPath: root + "/out/students/\(name)/feedback.html"))
        }
        #expect(!(try Support.read(root + "/out/students/<i>x/feedback.html")).contains("<i>x"))
    }

    /// Names with a line break, quotes, spaces, dots and a leading dash still get their rows, and
    /// shard runs merge into exactly what one run writes.
    @Test func hostileNamesSurviveShardingAndMerging() throws {
        let root = try Support.scratch("hostile-names")
        let subs = root + "/subs"
        let names = ["new\nline", "say \"hi\"", "a..b", "-rf", "tab\tname", "crlf\r\nname"]
        for name in names { try Support.write(try Support.keyText(), to: subs + "/" + name + "/momentum.md") }
        func grade(_ out: String, _ extra: [String] = []) throws {
            let outcome = try Support.run(["grade", "--key", Support.course, subs, "--out", out, "--timeout", "2", "--jobs", "2"] + extra)
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        try grade(root + "/one")
        try grade(root + "/part0", ["--shard", "0/2"])
        try grade(root + "/part1", ["--shard", "1/2"])
        let merge = try Support.run(["grade", "--merge", root + "/part0", root + "/part1", "--out", root + "/merged"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let one = try Support.read(root + "/one/gradebook.csv")
        #expect(try Support.read(root + "/merged/gradebook.csv") == one)
        #expect(one.contains("\"new\nline\",momentum,momentum,5,5,passed"))
        #expect(one.contains("\"say \"\"hi\"\"\",momentum,momentum,5,5,passed"))
        for name in names {
            let feedback = root + "/merged/students/\(name)/feedback.html"
            #expect(try Support.read(feedback) == Support.read(root + "/one/students/\(name)/feedback.html"), "\(name)")
        }
    }

    /// A student printing 200 MB gets the kernel's output cap, not a 200 MB feedback page, and
    /// loses no test for it; the student graded beside them is untouched.
    @Test func aFloodOfOutputIsCappedAndCostsNoTest() throws {
        let root = try Support.scratch("flood")
        let subs = root + "/subs"
        let flood = "    var line = \"PASSED \"\n    for _ in 0..<20 { line += line }\n"
            + "    for _ in 0..<30 { print(line) }\n    return x * x\n"
        try Support.write(try Support.submission(square: flood), to: subs + "/flooder/momentum.md")
        try Support.write(try Support.keyText(), to: subs + "/neighbour/momentum.md")
        let outcome = try Support.run(["grade", "--key", Support.course, subs, "--out", root + "/out", "--timeout", "5"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let csv = try Support.read(root + "/out/gradebook.csv")
        #expect(csv.contains("flooder,momentum,square,3,3,passed"), "\(csv)")
        #expect(csv.contains("neighbour,momentum,square,3,3,passed"))
        let size = try FileManager.default.attributesOfItem(atPath: root + "/out/students/flooder/feedback.html")[.size] as? Int ?? 0
        #expect(size > 0 && size < 4 << 20, "feedback.html is \(size) bytes")
        #expect(try Support.read(root + "/out/students/flooder/feedback.html").contains("output truncated"))
    }
}
