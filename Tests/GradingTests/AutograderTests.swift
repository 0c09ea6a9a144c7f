import Foundation
@testable import Grading
import Testing

/// `gradus autograder`: the zip Gradescope runs, unpacked and run end to end in a temporary root.
@Suite struct AutograderTests {
    /// `tool arguments...` from /usr/bin, with its exit status and output.
    static func tool(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Support.Outcome {
        try Support.execute(name.hasPrefix("/") ? name : "/usr/bin/" + name, arguments,
                            environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 })
    }

    /// One zip of the fixture course, written once for the tests that only read it, and what the command said.
    static let made: Result<(path: String, stderr: String), Error> = Result {
        let folder = try Support.scratch("autograder-zip")
        let outcome = try Support.run(["autograder", Support.course, "--out", folder + "/autograder.zip", "--timeout", "2"])
        guard outcome.status == 0 else { throw Failure(text: outcome.stderr) }
        return (folder + "/autograder.zip", outcome.stderr)
    }

    static var zip: Result<String, Error> { made.map(\.path) }

    struct Failure: Error { var text: String }

    @Test func theZipRunsEndToEndInATemporaryRoot() throws {
        let zip = try Self.zip.get()
        #expect(try Self.tool("unzip", ["-tq", zip]).status == 0)
        let root = try Support.scratch("autograder-root")
        let unzip = try Self.tool("unzip", ["-q", zip, "-d", root + "/source"])
        #expect(unzip.status == 0, "\(unzip.stderr)")
        try Support.write(try Support.submission(square: "    return 2 * x\n"), to: root + "/submission/momentum.md")
        // Gradescope copies run_autograder beside source/ and runs it from there; its execute bit comes from the zip.
        try FileManager.default.copyItem(atPath: root + "/source/run_autograder", toPath: root + "/run_autograder")
        let run = try Self.tool(root + "/run_autograder", [], environment: ["AUTOGRADER_ROOT": root])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/results/results.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["score"] as? Int == 5, "momentum right (2 + 3), square wrong (1 + 2)")
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.map { $0["score"] as? Int } == [2, 3, 0, 0])
        #expect(tests.map { $0["visibility"] as? String } == ["visible", "hidden", "visible", "hidden"])
        #expect(object["execution_time"] is Int)
    }

    @Test func theZipHoldsGradusTheKeyAndTwoExecutableScripts() throws {
        let zip = try Self.zip.get()
        let names = try Self.tool("unzip", ["-Z1", zip])
        #expect(names.stdout == "gradus\nkey/course.yml\nkey/momentum.md\nrun_autograder\nsetup.sh\n")
        let listing = try Self.tool("unzip", ["-Z", zip]).stdout.split(separator: "\n")
        for name in ["gradus", "run_autograder", "setup.sh"] {
            #expect(listing.contains { $0.hasPrefix("-rwxr-xr-x") && $0.hasSuffix(" " + name) }, "\(name): \(listing)")
        }
        #expect(listing.contains { $0.hasPrefix("-rw-r--r--") && $0.hasSuffix(" key/momentum.md") })
        let key = try Self.tool("unzip", ["-p", zip, "key/momentum.md"])
        #expect(key.stdout == (try Support.keyText()))
        let run = try Self.tool("unzip", ["-p", zip, "run_autograder"]).stdout
        #expect(run.contains("root=\"${AUTOGRADER_ROOT:-/autograder}\""))
        #expect(run.contains("grade --gradescope --root \"$root\" --key \"$root/source/key\" '--timeout' '2.0'"))
        let setup = try Self.tool("unzip", ["-p", zip, "setup.sh"]).stdout
        #expect(setup.contains("apt-get install -y -qq --no-install-recommends libcmark-gfm-dev libcmark-gfm-extensions-dev libseccomp2 zlib1g"))
    }

    @Test func twoRunsWriteTheSameBytes() throws {
        let first = try Self.zip.get()
        let second = try Support.scratch("autograder-zip-again") + "/autograder.zip"
        let outcome = try Support.run(["autograder", Support.course, "--out", second, "--timeout", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let a = try Data(contentsOf: URL(fileURLWithPath: first)), b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a.count > 1000 && a == b)
    }

    @Test func aGradusNeedingTheSwiftRuntimeIsWarnedAbout() throws {
        // The tests' gradus is a plain debug build: it loads libswiftCore.so, which Gradescope's image lacks.
        let stderr = try Self.made.get().stderr
        #expect(stderr.hasPrefix("warning: '"), "\(stderr)")
        #expect(stderr.contains("libswiftCore.so") && stderr.contains("--static-swift-stdlib"))
        #expect(stderr.contains(" more,"), "the Swift runtime is many libraries, 3 named: \(stderr)")
        #expect(!stderr.contains("libcmark") && !stderr.contains("libc.so.6"), "setup.sh installs those: \(stderr)")
    }

    @Test func neededLibrariesComeFromTheDynamicSection() throws {
        let needed = try ELFExecutable(Data(contentsOf: URL(fileURLWithPath: Support.binary))).neededLibraries
        #expect(needed.contains { $0.hasPrefix("libcmark-gfm.so.") } && needed.contains("libc.so.6"), "\(needed)")
        #expect(Autograder.missingLibraries(needed)?.contains("libswiftCore.so") == true)
        #expect(Autograder.missingLibraries(["libcmark-gfm.so.0.29.0.gfm.6", "libcmark-gfm-extensions.so.0.29.0.gfm.6", "libz.so.1", "libc.so.6"]) == nil)
    }

    @Test func aStaticELFNeedsNothingAndABrokenOneIsAnError() throws {
        // A bare 64-bit little-endian ELF header with no program headers: a static executable.
        var header = [UInt8](repeating: 0, count: 64)
        header.replaceSubrange(0..<6, with: [0x7F, 0x45, 0x4C, 0x46, 2, 1])
        #expect(try ELFExecutable(Data(header)).neededLibraries == [])
        var pastTheEnd = header
        pastTheEnd[0x20] = 0xFF  // program headers at byte 255 of a 64-byte file
        pastTheEnd[0x38] = 1
        let broken = [Data(header.prefix(40)), Data(pastTheEnd), Data([0x7F, 0x45, 0x4C, 0x46, 1, 1] + header.dropFirst(6)),
                      Data("#!/bin/sh\n".utf8)]
        for data in broken {
            #expect(throws: GradingError.self) { try ELFExecutable(data) }
        }
    }

    @Test func aBinaryGradescopeCannotRunIsRefused() throws {
        let folder = try Support.scratch("autograder-bad-binary")
        let outcome = try Support.run(["autograder", Support.course, "--out", folder + "/a.zip", "--binary", Support.keyLesson])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("is not a Linux executable"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/a.zip"))
    }

    @Test(arguments: [["--timeout", "-1"], ["--memory", "10M"]])
    func badLimitsAreBadUsage(arguments: [String]) throws {
        let folder = try Support.scratch("autograder-bad-limits")
        let outcome = try Support.run(["autograder", Support.course, "--out", folder + "/a.zip"] + arguments)
        #expect(outcome.status == 64)
        #expect(!FileManager.default.fileExists(atPath: folder + "/a.zip"))
    }

    @Test func aKeyWithErrorsWritesNoZip() throws {
        let folder = try Support.scratch("autograder-bad-key")
        try Support.write(try Support.keyText().replacingOccurrences(of: "points=2", with: "points=two"), to: folder + "/key/momentum.md")
        let outcome = try Support.run(["autograder", folder + "/key", "--out", folder + "/a.zip"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("momentum.md:") && outcome.stderr.contains("'points' must be a whole number"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/a.zip"))
    }

    @Test func zipPathsThatCouldEscapeAreRefused() {
        var zip = ZipArchive()
        for path in ["../evil", "/etc/passwd", "a/../b", "a//b", "", "./a"] {
            #expect(throws: GradingError.self, "\(path)") { try zip.add(path, Data()) }
        }
        #expect(throws: Never.self) { try zip.add("a", Data()) }
        #expect(throws: GradingError.self) { try zip.add("a", Data("again".utf8)) }
    }

    @Test func crc32IsTheStandardOne() {
        // The published check value of CRC-32 (ISO-HDLC) for the ASCII digits 1 to 9.
        #expect(ZipArchive.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
    }
}
