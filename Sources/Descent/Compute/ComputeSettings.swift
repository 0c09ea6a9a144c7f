import CKernels
import Foundation

/// The vector instructions a kernel runs on; every path gives the same bits.
///
/// Paths differ only in how many elements one instruction computes: each
/// element is still the same products and sums in the same order, with no
/// fused multiply-add, so switching paths can never change a result.
package enum VectorPath: Int32, CaseIterable, Sendable, CustomStringConvertible {
    /// One element at a time, the reference the other paths are tested against.
    case scalar = 0
    /// Two doubles: SSE2 on x86-64, NEON on arm64.
    case baseline = 1
    /// Four doubles (x86-64 AVX2).
    case avx2 = 2
    /// Eight doubles (x86-64 AVX-512F).
    case avx512 = 3

    /// Whether this CPU and OS can run the path.
    package var isSupported: Bool { ck_path_supported(rawValue) != 0 }

    /// The paths this machine runs, narrowest first.
    package static var supported: [VectorPath] { allCases.filter(\.isSupported) }

    /// The widest path this machine runs.
    package static let best: VectorPath = VectorPath(rawValue: ck_best_path()) ?? .baseline

    package var description: String {
        switch self {
        case .scalar: "scalar"
        case .baseline: "baseline"
        case .avx2: "avx2"
        case .avx512: "avx512"
        }
    }
}

/// How Descent's kernels run: which vector path, and on how many threads above which sizes.
///
/// The settings are a task-local value rather than global state, so a test can
/// force a path or a thread count for the code inside `$current.withValue(_:)`
/// without affecting anything running beside it. They are `package`: the tests
/// and the benchmark set them; lessons and other packages cannot see them.
/// Thread counts change only who computes an output element, never how, so
/// results are the same bits for every value here.
package struct ComputeSettings: Sendable, Equatable {
    package var path: VectorPath
    /// Threads for one kernel call: 1, or 2 to use both cores of the course machines.
    package var threads: Int
    /// Element-wise kernels on at least this many elements use `threads` threads.
    package var elementThreshold: Int
    /// Matrix products of at least this many multiply-adds (m·n·k) use `threads` threads.
    package var productThreshold: Int

    package init(path: VectorPath, threads: Int, elementThreshold: Int, productThreshold: Int) {
        self.path = path
        self.threads = threads
        self.elementThreshold = elementThreshold
        self.productThreshold = productThreshold
    }

    /// The widest vector path on one thread. Two threads per kernel (thresholds measured on a two-core
    /// machine) are off by default: lessons keep both cores busy with side-by-side runs, and the
    /// helper threads (`HelperThreads`) have yet to be measured paying off on an idle machine;
    /// `descent-bench` and the determinism tests run both thread counts.
    package static let automatic = ComputeSettings(path: .best, threads: 1, elementThreshold: 1 << 15, productThreshold: 1 << 18)

    /// `automatic` with up to two threads per kernel, for benchmarks and tests.
    package static let twoThreads = ComputeSettings(
        path: .best, threads: Swift.min(2, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)),
        elementThreshold: 1 << 15, productThreshold: 1 << 18)

    /// The settings in force for the current task (or thread, outside tasks).
    @TaskLocal package static var current = automatic
}
