import Foundation
import Grading
import Kernel
import Testing

/// A kernel that crashes costs only the test it crashed in: the pool reruns the rest in a fresh kernel.
@Suite struct CrashTests {
    @Test func crashingKernelScoresOnlyTheCrashingTestZero() throws {
        let root = try Support.scratch("crash")
        try Support.write(try Support.keyText(), to: root + "/subs/alice/momentum.md")
        // The real kernel, told to die by SIGSEGV just before key cell 3 (the hidden momentum test).
        let pool = KernelPool(executable: Support.binary, arguments: ["kernel", "--crash-before-cell", "3"], width: 1, reuse: false)
        defer { pool.shutdown() }
        let options = GradeOptions(keyDirectory: Support.course, submissionsDirectory: root + "/subs", outputDirectory: root + "/out",
                                   jobs: 1, timeout: 2, executor: pool, showsProgress: false)
        let summary = try BatchGrader.grade(options)
        #expect(summary.students == 1)
        let csv = try Support.read(root + "/out/gradebook.csv")
        #expect(csv == "student,lesson,exercise,score,max_score,status\nalice,momentum,momentum,2,5,partial\nalice,momentum,square,3,3,passed\n")
        let results = try Support.read(root + "/out/students/alice/results.json")
        #expect(results.contains("\"score\" : 5,"))
        let feedback = try Support.read(root + "/out/students/alice/feedback.html")
        #expect(feedback.contains("Hidden test momentum test 2 failed"))
    }
}
