import Foundation
import Lessons

/// `gradus autograder`: a Gradescope autograder zip holding gradus, the answer key and the two
/// scripts Gradescope runs, laid out as otter-grader lays out its own.
///
/// Gradescope unpacks the zip into `/autograder/source`, runs `setup.sh` once while it builds the
/// image, then `run_autograder` for each submission. Shipping the gradus executable (rather than
/// building it there) keeps setup to one apt-get line and a check that gradus starts, so a
/// binary that cannot run on the image fails the build instead of every student's submission.
public enum Autograder {
    /// What goes into the zip besides the key.
    public struct Options: Sendable {
        public var keyDirectory: String
        /// The Linux `gradus` executable to ship.
        public var binary: String
        /// Extra arguments for `gradus grade` (`--timeout 10`, `--memory 1G`), already validated.
        public var gradeArguments: [String]

        public init(keyDirectory: String, binary: String, gradeArguments: [String] = []) {
            self.keyDirectory = keyDirectory
            self.binary = binary
            self.gradeArguments = gradeArguments
        }
    }

    /// What was written, for the command's summary line and its warnings.
    public struct Summary: Sendable {
        public var lessons: Int
        public var bytes: Int
        public var warnings: [String]
    }

    /// The zip's files: `gradus`, `key/` (course.yml and the lessons), `run_autograder`, `setup.sh`.
    static func archive(_ options: Options, key: [Lesson]) throws -> (ZipArchive, [String]) {
        var zip = ZipArchive()
        guard let binary = FileManager.default.contents(atPath: options.binary) else {
            throw GradingError("cannot read the gradus executable '\(options.binary)'")
        }
        guard binary.starts(with: [0x7F, 0x45, 0x4C, 0x46]) else {
            throw GradingError("'\(options.binary)' is not a Linux executable; Gradescope runs Ubuntu, so give --binary "
                               + "a gradus built there (docs/grading.md)")
        }
        var warnings: [String] = []
        if let missing = missingLibraries(try ELFExecutable(binary).neededLibraries) {
            let named = missing.prefix(3).joined(separator: ", ") + (missing.count > 3 ? " and \(missing.count - 3) more" : "")
            warnings.append("'\(options.binary)' needs \(named), which Gradescope's image lacks and "
                            + "setup.sh does not install; build gradus on Ubuntu with "
                            + "`swift build -c release --static-swift-stdlib --product gradus` and pass it with --binary")
        }
        try zip.add("gradus", binary, mode: 0o755)
        let manifest = Release.join(options.keyDirectory, "course.yml")
        var keyFiles = key.map { ($0.path as NSString).lastPathComponent }
        if FileManager.default.fileExists(atPath: manifest) { keyFiles.append("course.yml") }
        for name in keyFiles {
            guard let data = FileManager.default.contents(atPath: Release.join(options.keyDirectory, name)) else {
                throw GradingError("cannot read '\(Release.join(options.keyDirectory, name))'")
            }
            try zip.add("key/" + name, data)
        }
        try zip.add("setup.sh", Data(setupScript.utf8), mode: 0o755)
        try zip.add("run_autograder", Data(runScript(options.gradeArguments).utf8), mode: 0o755)
        return (zip, warnings)
    }

    /// Checks the key (as `gradus grade` would) and writes the zip to `path`.
    public static func write(_ options: Options, to path: String) throws -> Summary {
        let key = try Submissions.key(options.keyDirectory)
        let (zip, warnings) = try archive(options, key: key)
        let data = try zip.data()
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        return Summary(lessons: key.count, bytes: data.count, warnings: warnings)
    }

    /// The libraries setup.sh installs or every Ubuntu image has (name prefixes).
    static let providedLibraries = ["libcmark-gfm.so", "libcmark-gfm-extensions.so", "libseccomp.so", "libz.so", "libstdc++.so", "libgcc_s.so", "libm.so", "libc.so",
                                    "ld-linux", "libdl.so", "libpthread.so", "librt.so", "libutil.so"]

    /// The needed libraries Gradescope's image will not have, nil when there are none.
    static func missingLibraries(_ needed: [String]) -> [String]? {
        let missing = needed.filter { name in !providedLibraries.contains { name.hasPrefix($0) } }
        return missing.isEmpty ? nil : missing
    }

    /// Run once as root while Gradescope builds the image: the C libraries gradus links, then a check it starts.
    static let setupScript = """
        #!/usr/bin/env bash
        # Written by `gradus autograder` (docs/grading.md). Gradescope runs this once, as root,
        # while it builds the autograder image (Ubuntu).
        set -euo pipefail
        export DEBIAN_FRONTEND=noninteractive
        # gradus links cmark-gfm (lessons), libseccomp (the kernel sandbox) and zlib; the -dev
        # packages pull in whichever cmark-gfm this Ubuntu release ships.
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends libcmark-gfm-dev libcmark-gfm-extensions-dev libseccomp2 zlib1g
        source="$(cd "$(dirname "$0")" && pwd)"
        chmod 755 "$source/gradus" "$source/run_autograder"
        # Fail the build here, not at the first submission, if this gradus cannot run on the image.
        "$source/gradus" --version

        """

    /// Run for each submission: grade `ROOT/submission` into `ROOT/results/results.json`.
    static func runScript(_ arguments: [String]) -> String {
        let extra = arguments.map { " " + quoted($0) }.joined()
        return """
            #!/bin/sh
            # Written by `gradus autograder` (docs/grading.md). Gradescope runs this for every
            # submission; AUTOGRADER_ROOT points it at another folder laid out like /autograder.
            set -eu
            root="${AUTOGRADER_ROOT:-/autograder}"
            exec "$root/source/gradus" grade --gradescope --root "$root" --key "$root/source/key"\(extra)

            """
    }

    /// `text` as one word for `sh`: in single quotes, each `'` written as `'\''`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
