import Foundation
import Kernel
import Snippets
import Testing

/// Descent splits large kernels across two threads; inside the sandbox (seccomp allowlist,
/// limits) those threads must start and give the same numbers as in-process.
@Suite struct KernelThreadTests {
    /// A product of 2.7·10^7 multiply-adds and element-wise work on 90,000 elements: both above
    /// Descent's two-thread thresholds, on the widest vector path.
    static let cells = [
        """
        let r = Tensor((0..<300).map { Double($0 % 17) / 16 - 0.5 })
        let x = Tensor.ones([300, 300]) * r + r.reshaped([300, 1]) * 0.3
        let y = matmul(x, x.transposed)
        print(y.sum(), y.norm, (x * 3 + x).exp().sum(), (x / 7 - x).relu().sum())
        """,
    ]

    @Test func twoThreadKernelsRunInsideTheSandboxWithInProcessResults() throws {
        let pool = KernelSupport.pool()
        defer { pool.shutdown() }
        let job = NotebookJob(lesson: KernelSupport.lesson(Self.cells, fence: "swift timeout=20"))
        let viaKernel = pool.run(job)
        let inProcess = InProcessExecutor().run(job)
        let printed = KernelSupport.printed(viaKernel.cells.first)
        #expect(!printed.isEmpty, "the cell printed nothing: \(viaKernel.cells)")
        #expect(printed == KernelSupport.printed(inProcess.cells.first))
        #expect(viaKernel.cells == inProcess.cells)
    }
}
