import Foundation
import Kernel
import Lessons
import Snippets
import Testing

/// A kernel that dies, hangs or babbles costs only the cell it was running; the rest of the lesson
/// runs in a fresh kernel with the environment rebuilt, and results match an in-process run.
@Suite struct KernelTests {
    /// Cell 0 defines state, 1 is where the fault strikes, 2 and 3 use cell 0's state afterwards.
    static let cells = ["var total = 40\nprint(\"set\")", "print(\"never seen\")", "total += 2\nprint(total)", "print(total * 2)"]

    @Test func crashCostsOnlyItsCell() {
        let pool = KernelSupport.pool(["--crash-before-cell", "1"])
        defer { pool.shutdown() }
        let result = pool.run(NotebookJob(lesson: KernelSupport.lesson(Self.cells)))
        #expect(result.cells.map(\.status) == [.ok, .error, .ok, .ok])
        let error = result.cells[1].error
        // The kernel's last words name the signal as sent (raised), with the frames that sent it.
        let message = error?.message ?? ""
        #expect(message.hasPrefix("the interpreter stopped while running this cell: signal 11 (segmentation fault); it said: a trap (the signal was sent) in "), "\(message)")
        #expect(error?.location == SourceLocation(path: "k.md", line: 7, column: 1))
        #expect(error?.sourceLine == "print(\"never seen\")")
        #expect(result.cells[1].failureKind == .crashed)
        // The fresh kernel ran cell 0 again, so cell 2 sees `total` as cell 0 left it.
        #expect(KernelSupport.printed(result.cells[2]) == "42")
        #expect(KernelSupport.printed(result.cells[3]) == "84")
    }

    @Test func aRuntimeTrapSaysWhereItHappened() {
        // An integer overflow in compiled code: SIGILL with no message from the runtime. The kernel's
        // trap report gives the address and the demangled frames, innermost first.
        let pool = KernelSupport.pool(["--trap-before-cell", "1"])
        defer { pool.shutdown() }
        let result = pool.run(NotebookJob(lesson: KernelSupport.lesson(Self.cells)))
        #expect(result.cells.map(\.status) == [.ok, .error, .ok, .ok])
        let message = result.cells[1].error?.message ?? ""
        #expect(message.hasPrefix("the interpreter stopped while running this cell: signal 4 (illegal instruction, a runtime trap); it said: a trap at 0x"), "\(message)")
        #expect(message.contains(" in Kernel.KernelFaults.overflowing < Kernel.KernelFaults.trigger"), "\(message)")
        #expect(KernelSupport.printed(result.cells[3]) == "84")
    }

    @Test func hangCostsOnlyItsCellWithinTheLimitAndASecond() {
        let pool = KernelSupport.pool(["--hang-before-cell", "1"])
        defer { pool.shutdown() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = pool.run(NotebookJob(lesson: KernelSupport.lesson(Self.cells)))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(result.cells.map(\.status) == [.ok, .error, .ok, .ok])
        #expect(result.cells[1].error?.message == "the interpreter stopped while running this cell: it stopped answering past the cell's time limit and was stopped")
        #expect(KernelSupport.printed(result.cells[3]) == "84")
        // 2 s limit, the kernel's 2 × 0.5 s grace, the parent's 1 s, and two kernel starts.
        #expect(seconds < 2 + 1 + 1 + 5, "took \(seconds) s")
    }

    @Test func garbageOnThePipeCostsOnlyItsCell() {
        let pool = KernelSupport.pool(["--garbage-before-cell", "1"])
        defer { pool.shutdown() }
        let result = pool.run(NotebookJob(lesson: KernelSupport.lesson(Self.cells)))
        #expect(result.cells.map(\.status) == [.ok, .error, .ok, .ok])
        let message = result.cells[1].error?.message ?? ""
        #expect(message.hasPrefix("the interpreter stopped while running this cell: it sent a message of "), "\(message)")
    }

    @Test func runningOutOfTheKernelsMemoryCostsOnlyItsCell() {
        // 768 MiB for the whole kernel (its 512 MiB cell stack included), while the interpreter's
        // own tensor cap (1 GiB) lets a 968 MB tensor through: the operating system's limit stops it.
        let pool = KernelSupport.pool(limits: KernelLimits(memoryBytes: MemorySize.minimum, cpuSeconds: 60))
        defer { pool.shutdown() }
        let cells = ["let before = 1", "let big = Tensor.zeros([11000, 11000])\nprint(big.sum())", "print(before + 1)"]
        let result = pool.run(NotebookJob(lesson: KernelSupport.lesson(cells, fence: "swift timeout=10")))
        #expect(result.cells.map(\.status) == [.ok, .error, .ok])
        #expect(result.cells[1].error?.message.hasPrefix("the interpreter stopped while running this cell: signal") == true,
                "\(result.cells[1].error?.message ?? "")")
        #expect(KernelSupport.printed(result.cells[2]) == "2")
    }

    @Test func kernelResultsEqualInProcessResults() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/dsl.md").standardizedFileURL.path
        let lesson = try Lesson.load(path: path)
        let pool = KernelSupport.pool()
        defer { pool.shutdown() }
        let job = NotebookJob(lesson: lesson)
        let viaKernel = pool.run(job)
        let inProcess = InProcessExecutor().run(job)
        #expect(viaKernel.cells.count == inProcess.cells.count)
        // A warm kernel serves the second job with the same results.
        let again = pool.run(job)
        for (index, expected) in inProcess.cells.enumerated() {
            #expect(viaKernel.cells.dropFirst(index).first == expected, "cell \(index) (line \(expected.line)) differs in a fresh kernel")
            #expect(again.cells.dropFirst(index).first == expected, "cell \(index) (line \(expected.line)) differs in a warm kernel")
        }
    }

    @Test func onlyCellReportsOneCell() {
        var options = NotebookOptions()
        options.onlyCell = 3
        let pool = KernelSupport.pool()
        defer { pool.shutdown() }
        let result = pool.run(NotebookJob(lesson: KernelSupport.lesson(Self.cells), options: options))
        #expect(result.cells.map(\.number) == [3])
        #expect(KernelSupport.printed(result.cells.first) == "42")
    }

    @Test func aKernelThatCannotStartFailsEveryCellWithTheReason() {
        let pool = KernelPool(executable: "/nonexistent/gradus", width: 1, warn: { _ in })
        let result = pool.run(NotebookJob(lesson: KernelSupport.lesson(["print(1)", "print(2)"])))
        #expect(result.cells.map(\.status) == [.error, .error])
        #expect(result.cells[0].error?.message.hasPrefix("the cell could not run: cannot start a kernel") == true)
    }

    @Test func aWarmKernelOutlivesTheThreadThatStartedIt() {
        // The pool hands kernels from thread to thread; a kernel tied to the thread that spawned
        // it (PR_SET_PDEATHSIG) was killed mid-lesson once that thread ended.
        let pool = KernelSupport.pool()
        defer { pool.shutdown() }
        let job = NotebookJob(lesson: KernelSupport.lesson(Self.cells))
        let first = DispatchSemaphore(value: 0)
        let starter = Thread {
            _ = pool.run(job)
            first.signal()
        }
        starter.start()
        first.wait()
        // Let the starting thread end, then reuse its kernel from this one, with a cell that waits.
        Thread.sleep(forTimeInterval: 0.3)
        let lesson = KernelSupport.lesson(["var n = 0\nfor i in 0..<50_000 { n += i % 3 }\nprint(n)"], fence: "swift timeout=20")
        let result = pool.run(NotebookJob(lesson: lesson))
        #expect(result.cells.map(\.status) == [.ok], "\(result.cells.first?.error?.message ?? "")")
        #expect(KernelSupport.printed(result.cells.first) == "49999")
    }
}
