import Foundation
import Grading
import Testing

/// A worker that crashes costs only the test it crashed on: the lesson is regraded one test per worker.
@Suite struct CrashTests {
    @Test func crashingWorkerScoresOnlyTheCrashingTestZero() throws {
        let root = try Support.scratch("crash")
        try Support.write(try Support.keyText(), to: root + "/subs/alice/momentum.md")
        // A stand-in worker: crashes (SIGSEGV) on the whole lesson and on the hidden momentum test
        // (key cell 3), and hands every other single-test job to the real `gradus grade-worker`.
        let worker = root + "/worker.sh"
        try Support.write("""
            #!/bin/sh
            input=$(cat)
            case "$input" in
              *'"onlyTests":[3]'*) kill -SEGV $$ ;;
              *'"onlyTests"'*) printf '%s' "$input" | exec '\(Support.binary)' grade-worker ;;
              *) kill -SEGV $$ ;;
            esac

            """, to: worker)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: worker)
        let options = GradeOptions(keyDirectory: Support.course, submissionsDirectory: root + "/subs", outputDirectory: root + "/out",
                                   jobs: 1, timeout: 2, executable: worker, showsProgress: false)
        let summary = try BatchGrader.grade(options)
        #expect(summary.students == 1)
        let csv = try Support.read(root + "/out/gradebook.csv")
        #expect(csv == "student,lesson,exercise,score,max_score,status\nalice,momentum,momentum,2,5,partial\nalice,momentum,square,3,3,passed\n")
        let results = try Support.read(root + "/out/alice/results.json")
        #expect(results.contains("\"score\" : 5,"))
        let feedback = try Support.read(root + "/out/alice/feedback.html")
        #expect(feedback.contains("Hidden test momentum test 2 failed"))
    }
}
