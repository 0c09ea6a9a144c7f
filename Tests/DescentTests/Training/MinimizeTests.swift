import Testing
@testable import Descent

@Suite("minimize")
struct MinimizeTests {
    @Test func gradientDescentOnAQuadraticMatchesTheClosedForm() throws {
        // f = 2x² + y², GD: x_k = x_0 (1 − 4·lr)^k, y_k = y_0 (1 − 2·lr)^k.
        let result = try minimize(Quadratic(a: 2, b: 1), from: [1, -2], steps: 10) { GD(lr: 0.1) }
        let run = try #require(result.runs.first)
        #expect(run.loss.count == 11)
        #expect(run.points.count == 11)
        for k in 0...10 {
            let x = 1 * pow(0.6, Double(k)), y = -2 * pow(0.8, Double(k))
            #expect(abs(run.points[k][0] - x) < 1e-15)
            #expect(abs(run.points[k][1] - y) < 1e-15)
            #expect(abs(run.loss[k] - (2 * x * x + y * y)) < 1e-14)
        }
        #expect(run.stopReason == .completed)
        #expect(result.finalLoss == run.loss[10])
        #expect(result.kind == .minimize)
    }

    @Test func everyOptimizerStartsFromTheSamePointWithItsOwnState() throws {
        let result = try minimize(Rosenbrock(), from: [-1.5, 2], steps: 50) {
            GD(lr: 0.001)
            Momentum(lr: 0.001, mu: 0.9)
            Adam(lr: 0.05)
            Adam(lr: 0.05)
        }
        #expect(result.runs.count == 4)
        #expect(result.runs.allSatisfy { $0.points[0] == [-1.5, 2] })
        // Two identical optimizers give identical bits: state is not shared.
        #expect(result.runs[2].loss.map(\.bitPattern) == result.runs[3].loss.map(\.bitPattern))
        #expect(result.runs[0].loss != result.runs[1].loss)
        #expect(result.runs.map(\.name) == ["GD(lr: 0.001)", "Momentum(lr: 0.001)", "Adam(lr: 0.05)", "Adam(lr: 0.05)"])
    }

    @Test func parallelAndSerialRunsGiveTheSameBits() throws {
        func losses(parallel: Bool) throws -> [[UInt64]] {
            var limits = ExecutionLimits()
            limits.allowsParallelRuns = parallel
            return try limits.run {
                try minimize(Beale(), from: [1, 1], steps: 200) {
                    Adam(lr: 0.01)
                    RMSProp(lr: 0.01)
                    NAdam(lr: 0.01)
                }.runs.map { $0.loss.map(\.bitPattern) }
            }
        }
        #expect(try losses(parallel: true) == losses(parallel: false))
    }

    @Test func nesterovTakesTheGradientAtTheLookAheadPoint() throws {
        // f = x² (Quadratic a = 1, b = 0 in y), by hand: v₁ = −lr·2x₀; θ₁ = x₀ + v₁;
        // the second gradient is at θ₁ + μ·v₁.
        let (lr, mu, x0) = (0.1, 0.9, 1.0)
        let run = try #require(try minimize(Quadratic(a: 1, b: 1), from: [x0, 0], steps: 2) { Nesterov(lr: lr, mu: mu) }.runs.first)
        let v1 = -lr * 2 * x0
        let x1 = x0 + v1
        let v2 = mu * v1 - lr * 2 * (x1 + mu * v1)
        let x2 = x1 + v2
        #expect(abs(run.points[1][0] - x1) < 1e-15)
        #expect(abs(run.points[2][0] - x2) < 1e-15)
    }

    @Test func newtonUsesTheExactHessian() throws {
        let run = try #require(try minimize(Quadratic(a: 3, b: 0.5), from: [2, -1], steps: 1) { Newton() }.runs.first)
        #expect(abs(run.points[1][0]) < 1e-15)
        #expect(abs(run.points[1][1]) < 1e-15)
        // An objective without a Hessian is a clear error.
        let noHessian = Function("sum of squares") { w in w.squared().sum() }
        let error = #expect(throws: DescentError.self) { try minimize(noHessian, from: [1, 2], steps: 1) { Newton() } }
        #expect(error?.description.contains("Hessian") == true)
    }

    @Test func divergenceStopsAndRecordsTheStep() throws {
        // GD on x² + y² with lr = 1.5 multiplies each coordinate by −2 per step, so
        // J_k = 2·4^k = 2^(2k+1), which first exceeds the largest Double (< 2^1024) at k = 512.
        let runs = try minimize(Quadratic(a: 1, b: 1), from: [1, 1], steps: 5000) { GD(lr: 1.5) }.runs
        let run = try #require(runs.first)
        #expect(run.divergedAt == 512)
        #expect(run.stopReason == .diverged(step: 512))
        #expect(run.loss.count == 513)
        #expect(run.finalLoss == 0x1p1023)
    }

    @Test func stoppingCriteriaEndTheRunEarly() throws {
        let result = try minimize(Quadratic(a: 1, b: 1), from: [1, 1], steps: 1000, stop: [.lossBelow(1e-6)]) { GD(lr: 0.1) }
        let run = try #require(result.runs.first)
        // J_k = 2·0.8^(2k) < 1e-6 first at k = 33 (by hand: 0.64^33 · 2 = 8.0e-7).
        #expect(run.loss.count == 34)
        #expect(run.stopReason.isCriterion)
    }

    @Test func schedulesSetTheLearningRateOfEveryStep() throws {
        let run = try #require(try minimize(Quadratic(), from: [1, 1], steps: 6, schedule: .step(every: 2, factor: 0.5)) {
            GD(lr: 0.1)
        }.runs.first)
        #expect(run.learningRate == [0.1, 0.1, 0.05, 0.05, 0.025, 0.025])
    }

    @Test func badInputThrows() throws {
        #expect(throws: DescentError.self) { try minimize(Quadratic(), from: [1, 1], steps: -1) { GD() } }
        #expect(throws: DescentError.self) { try minimize(Quadratic(), from: [1, 1], steps: 10, optimizers: []) }
        let error = #expect(throws: DescentError.self) { try minimize(Quadratic(), from: [1, 1], steps: 10) { GD(lr: -0.1) } }
        #expect(error?.description.contains("-0.1") == true)
    }

    @Test func aCellDeadlineStopsALongRun() throws {
        let limits = ExecutionLimits(seconds: 0.2)
        #expect(throws: LimitExceeded.self) {
            try limits.run { try minimize(Rosenbrock(), from: [0, 0], steps: 100_000_000) { GD(lr: 1e-6) } }
        }
    }
}
