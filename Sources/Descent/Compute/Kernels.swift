import CKernels

/// Swift's door to the vector kernels: each call picks the current path and splits its
/// output across threads when it is large enough.
///
/// Every entry point splits only independent outputs (rows of a product,
/// ranges of an element-wise result), so thread count and path leave the bits alone.
enum Kernels {
    /// C[m×n] += A·B, B row-major k×n, element (i, p) of A at `a[i * rowStride + p * columnStride]`.
    /// Each element of C is summed from 0 over p in order, then added to its old value.
    static func multiplyAdd(
        m: Int, n: Int, k: Int, a: UnsafePointer<Double>, rowStride: Int, columnStride: Int,
        b: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>, settings: ComputeSettings = .current
    ) {
        let path = settings.path.rawValue
        let threads = m >= 8 && m * n * k >= settings.productThreshold ? settings.threads : 1
        // Rows split in multiples of 6, the kernel's panel height.
        Parallel.chunks(count: m, threads: threads, alignment: 6) { rows in
            ck_matmul(path, rows.count, n, k, a + rows.lowerBound * rowStride, rowStride, columnStride,
                      b, c + rows.lowerBound * n)
        }
    }

    /// C += A·B for row-major arrays A[m×k], B[k×n], C[m×n].
    static func multiplyAdd(_ a: [Double], _ b: [Double], into c: inout [Double], m: Int, k: Int, n: Int) {
        withPointers(a, b, &c) { a, b, c in
            multiplyAdd(m: m, n: n, k: k, a: a, rowStride: k, columnStride: 1, b: b, c: c)
        }
    }

    /// C += Aᵀ·B where A is stored row-major k×m: the weight gradient xᵀ·g.
    static func multiplyAddTransposedLeft(_ a: [Double], _ b: [Double], into c: inout [Double], m: Int, k: Int, n: Int) {
        withPointers(a, b, &c) { a, b, c in
            multiplyAdd(m: m, n: n, k: k, a: a, rowStride: 1, columnStride: m, b: b, c: c)
        }
    }

    /// The element-wise operators with a vector kernel.
    enum Operation: Int32 {
        case add = 0, subtract = 1, multiply = 2, divide = 3
    }

    /// `a op b` for two arrays of the same length.
    static func binary(_ op: Operation, _ a: [Double], _ b: [Double], settings: ComputeSettings = .current) -> [Double] {
        let count = a.count
        let path = settings.path.rawValue
        return written(count, reading: a, b) { a, b, o in
            Parallel.elements(count, settings: settings) { r in
                ck_binary(path, op.rawValue, r.count, a + r.lowerBound, b + r.lowerBound, o + r.lowerBound)
            }
        }
    }

    /// `a op s` for every element of `a`, or `s op a` when `scalarFirst`.
    static func binary(_ op: Operation, _ a: [Double], scalar s: Double, scalarFirst: Bool = false,
                       settings: ComputeSettings = .current) -> [Double] {
        let count = a.count
        let path = settings.path.rawValue
        return written(count, reading: a, a) { a, _, o in
            Parallel.elements(count, settings: settings) { r in
                if scalarFirst {
                    ck_binary_scalar_left(path, op.rawValue, r.count, s, a + r.lowerBound, o + r.lowerBound)
                } else {
                    ck_binary_scalar_right(path, op.rawValue, r.count, a + r.lowerBound, s, o + r.lowerBound)
                }
            }
        }
    }

    /// max(x, 0) as `x > 0 ? x : 0` (NaN and −0 give +0).
    static func relu(_ a: [Double], settings: ComputeSettings = .current) -> [Double] {
        let count = a.count
        let path = settings.path.rawValue
        return written(count, reading: a, a) { a, _, o in
            Parallel.elements(count, settings: settings) { r in
                ck_relu(path, r.count, a + r.lowerBound, o + r.lowerBound)
            }
        }
    }

    /// The ReLU pullback `x > 0 ? g : 0`.
    static func reluBackward(_ g: [Double], _ x: [Double], settings: ComputeSettings = .current) -> [Double] {
        let count = x.count
        let path = settings.path.rawValue
        return written(count, reading: g, x) { g, x, o in
            Parallel.elements(count, settings: settings) { r in
                ck_relu_backward(path, r.count, g + r.lowerBound, x + r.lowerBound, o + r.lowerBound)
            }
        }
    }

    /// A new array of `count` elements that `body` writes, every one of them, through the third
    /// pointer: nothing is zeroed first (zeroing was a twentieth of a small network's step).
    static func written(
        _ count: Int, reading a: [Double], _ b: [Double],
        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                withInputs(a, b) { a, b in body(a, b, base) }
            }
            initialized = count
        }
    }

    /// Base addresses of two arrays and a mutable one. An empty array (whose elements no kernel
    /// reads, its count being 0) borrows another's address; when all are empty there is nothing to do.
    static func withPointers(
        _ a: [Double], _ b: [Double], _ c: inout [Double],
        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) {
        var spare = 0.0
        withUnsafeMutablePointer(to: &spare) { spare in
            c.withUnsafeMutableBufferPointer { cp in
                withInputs(a, b) { a, b in body(a, b, cp.baseAddress ?? spare) }
            }
        }
    }

    /// Base addresses of two input arrays; an empty one (never read) gets a spare address.
    private static func withInputs(_ a: [Double], _ b: [Double], _ body: (UnsafePointer<Double>, UnsafePointer<Double>) -> Void) {
        var spare = 0.0
        withUnsafePointer(to: &spare) { spare in
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in body(ap.baseAddress ?? spare, bp.baseAddress ?? spare) }
            }
        }
    }
}
