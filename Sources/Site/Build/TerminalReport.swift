import Foundation
import Lessons

/// What `gradus build` prints: a line per lesson, errors like a compiler's, a progress bar.
public enum TerminalReport {
    /// `lessons/02-sgd.md: 7 cells run, 1 failed, 0.84 s`, or `…: 0 cells run, 0 failed, 7 cached, 0.01 s`.
    public static func line(_ report: LessonReport) -> String {
        let time = String(format: "%.2f s", report.seconds)
        let run = report.cellsRun == 1 ? "cell" : "cells"
        let cached = report.cached ? ", \(report.cellCount) cached" : ""
        return "\(report.path): \(report.cellsRun) \(run) run, \(report.cellsFailed) failed\(cached), \(time)"
    }

    /// A failed cell's error: `path:line:col: error: message`, the source line and a caret.
    public static func failure(_ error: LessonDiagnostic) -> String {
        error.rendered
    }

    /// A course or lesson diagnostic in the same form, the source line read from its file.
    public static func diagnostic(_ diagnostic: LessonDiagnostic) -> String {
        var lines = [diagnostic.description]
        let location = diagnostic.location
        if let source = sourceLine(location.path, location.line) {
            lines.append(source)
            // Lessons count columns in UTF-8 bytes; the caret is placed under the same character.
            let prefix = String(decoding: Array(source.utf8.prefix(max(0, location.column - 1))), as: UTF8.self)
            lines.append(prefix.map { $0 == "\t" ? "\t" : " " }.joined() + "^")
        }
        lines += diagnostic.notes.map(\.description)
        lines += diagnostic.fixIts.map { "\($0.range.start): fix-it: \($0.message)" }
        return lines.joined(separator: "\n")
    }

    /// `[██████░░░░░░] 3/10 lessons`, for an interactive terminal.
    public static func progressBar(finished: Int, total: Int, width: Int = 24) -> String {
        let filled = total > 0 ? width * finished / total : width
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] \(finished)/\(total) lessons"
    }

    /// The summary line printed after the build.
    public static func summary(_ report: BuildReport, output: String) -> String {
        let failed = report.lessons.reduce(0) { $0 + $1.cellsFailed }
        let time = String(format: "%.2f s", report.seconds)
        guard report.wroteSite else { return "no site written: the course has errors (\(time))" }
        return "wrote \(output) (\(report.pages) pages): \(report.cellsRun) cells run, \(failed) failed, \(time)"
    }

    private static func sourceLine(_ path: String, _ line: Int) -> String? {
        guard line >= 1, let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard line <= lines.count else { return nil }
        let text = lines[line - 1]
        return String(text.hasSuffix("\r") ? text.dropLast() : text)
    }
}
