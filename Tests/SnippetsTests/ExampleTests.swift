import Descent
import Testing
@testable import Outputs
@testable import Snippets

/// The issue's four examples run verbatim and give the same bits as the same code compiled against Descent.
@Suite struct ExampleTests {
    static func runs(_ lesson: String) throws -> (CellResult, RunsOutput) {
        let result = Notebook.run(source: lesson, path: "example.md")
        let cell = try #require(result.cells.last)
        #expect(cell.error == nil, "\(cell.error?.rendered ?? "")")
        for output in cell.outputs {
            if case let .runs(runs) = output { return (cell, runs) }
        }
        Issue.record("no comparison shown")
        throw CancellationError()
    }

    @Test func rosenbrockComparison() throws {
        let (cell, shown) = try Self.runs("""
            ```swift
            let f = Rosenbrock()
            minimize(f, from: [-1.5, 2.0], steps: 200) {
                GD(lr: 0.001)
                Momentum(lr: 0.001, mu: 0.9)
                Nesterov(lr: 0.001, mu: 0.9)
                Adam(lr: 0.05)
            }
            ```
            """)
        let compiled = try minimize(Rosenbrock(), from: [-1.5, 2.0], steps: 200) {
            GD(lr: 0.001)
            Momentum(lr: 0.001, mu: 0.9)
            Nesterov(lr: 0.001, mu: 0.9)
            Adam(lr: 0.05)
        }
        #expect(shown.runs.map(\.name) == ["GD(lr: 0.001)", "Momentum(lr: 0.001, mu: 0.9)", "Nesterov(lr: 0.001, mu: 0.9)", "Adam(lr: 0.05)"])
        for (mine, theirs) in zip(shown.runs, compiled.runs) {
            #expect(mine.loss.map(\.bitPattern) == theirs.loss.map(\.bitPattern))
            #expect(mine.points == theirs.points)
            #expect(mine.loss.count == 201)
        }
        // By hand: ∇f(-1.5, 2) = (-155, -50), so one GD step of 0.001 lands at (-1.345, 2.05).
        let gd = try #require(shown.runs.first)
        #expect(Swift.abs(gd.points[1][0] - -1.345) < 1e-12)
        #expect(Swift.abs(gd.points[1][1] - 2.05) < 1e-12)
        #expect(gd.loss[0] == 12.5)
        // The table shows every 20th step and the last, the best marked, and a contour map is drawn.
        let table = shown.lossTable()
        #expect(table.rows.map { $0.first } == stride(from: 0, through: 200, by: 20).map { TableCell.int($0) })
        #expect(table.columns == ["step"] + shown.runs.map(\.name))
        #expect(table.best.last == 3)
        #expect(shown.surface != nil)
        let text = OutputText.render(.runs(shown), style: Style(color: false))
        #expect(text.contains("★"))
        #expect(cell.outputs.count == 1)
    }

    @Test func customFunctionAndOptimizer() throws {
        let (_, shown) = try Self.runs("""
            ```swift
            let ravine = Function2D("ravine") { x, y in x * x / 20 + y * y }
            let myMomentum = Optimizer("my momentum") { w, g, state in
                state.v = 0.9 * state.v - 0.1 * g
                w += state.v
            }
            minimize(ravine, from: [-7, 2], steps: 30) {
                GD(lr: 0.95)
                myMomentum
            }
            ```
            """)
        let ravine = Function2D("ravine") { x, y in x * x / 20 + y * y }
        let myMomentum = Optimizer("my momentum") { w, g, state in
            state.v = try 0.9 * state.v - 0.1 * g
            try w += state.v
        }
        let compiled = try minimize(ravine, from: [-7, 2], steps: 30) {
            GD(lr: 0.95)
            myMomentum
        }
        #expect(shown.runs.map(\.name) == ["GD(lr: 0.95)", "my momentum"])
        for (mine, theirs) in zip(shown.runs, compiled.runs) {
            #expect(mine.loss.map(\.bitPattern) == theirs.loss.map(\.bitPattern))
            #expect(mine.points == theirs.points)
        }
        // By hand: ∇ = (x/10, 2y) = (-0.7, 4) at the start; v = -0.1∇ = (0.07, -0.4).
        #expect(shown.runs[1].points[1] == [-7 + 0.07, 2 - 0.4])
        #expect(Swift.abs(shown.runs[0].points[1][0] - -6.335) < 1e-12)
        #expect(Swift.abs(shown.runs[0].points[1][1] - -1.8) < 1e-12)
    }

    @Test func moonsFit() throws {
        let (_, shown) = try Self.runs("""
            ```swift
            let data = Moons(count: 1000, noise: 0.2, seed: 1).standardized()
            let (train, test) = data.split(0.8, seed: 2)
            let model = Sequential(seed: 3) {
                Dense(2, 32, init: .he)
                ReLU()
                Dense(32, 1, init: .xavier)
            }
            fit(model, on: train, validation: test, loss: .bceWithLogits, epochs: 20, batchSize: 32, seed: 4) {
                SGD(lr: 0.1)
                SGD(lr: 0.1, momentum: 0.9)
                RMSProp(lr: 0.01)
                Adam(lr: 0.01)
            }
            ```
            """)
        let data = try Moons(count: 1000, noise: 0.2, seed: 1).standardized()
        let (train, test) = try data.split(0.8, seed: 2)
        let model = Sequential(seed: 3) {
            Dense(2, 32, init: .he)
            ReLU()
            Dense(32, 1, init: .xavier)
        }
        let compiled = try fit(model, on: train, validation: test, loss: .bceWithLogits, epochs: 20, batchSize: 32, seed: 4) {
            SGD(lr: 0.1)
            SGD(lr: 0.1, momentum: 0.9)
            RMSProp(lr: 0.01)
            Adam(lr: 0.01)
        }
        #expect(shown.kind == .fit)
        #expect(shown.runs.map(\.name) == ["SGD(lr: 0.1)", "SGD(lr: 0.1, momentum: 0.9)", "RMSProp(lr: 0.01)", "Adam(lr: 0.01)"])
        for (mine, theirs) in zip(shown.runs, compiled.runs) {
            #expect(mine.loss.count == 20)
            #expect(mine.loss.map(\.bitPattern) == theirs.loss.map(\.bitPattern))
            #expect(mine.validationLoss.map(\.bitPattern) == theirs.validationLoss.map(\.bitPattern))
        }
        #expect(shown.lossTable().rows.count == 20)
        #expect(shown.lossTable(validation: true).title == "validation loss")
    }

    @Test func learningRateSweepTable() throws {
        let result = Notebook.run(source: """
            ```swift
            var rows: [[Double]] = []
            for lr in [0.001, 0.01, 0.1] {
                let run = minimize(Rosenbrock(), from: [-1.2, 1], steps: 500) { Adam(lr: lr) }
                rows.append([lr, run.finalLoss])
            }
            table(columns: ["lr", "final loss"], rows: rows)
            ```
            """, path: "sweep.md")
        let cell = try #require(result.cells.first)
        #expect(cell.error == nil, "\(cell.error?.rendered ?? "")")
        guard case let .table(table) = try #require(cell.outputs.first) else {
            Issue.record("expected a table")
            return
        }
        #expect(table.columns == ["lr", "final loss"])
        var expected: [[TableCell]] = []
        for lr in [0.001, 0.01, 0.1] {
            let run = try minimize(Rosenbrock(), from: [-1.2, 1], steps: 500) { Adam(lr: lr) }
            expected.append([.number(lr), .number(run.finalLoss)])
        }
        #expect(table.rows == expected)
    }

    @Test func divergedRunShowsTheStepInsteadOfNaN() throws {
        let (_, shown) = try Self.runs("""
            ```swift
            minimize(Rosenbrock(), from: [-1.5, 2.0], steps: 40) {
                GD(lr: 0.01)
                Adam(lr: 0.01)
            }
            ```
            """)
        let compiled = try minimize(Rosenbrock(), from: [-1.5, 2.0], steps: 40) { GD(lr: 0.01) }
        let diverged = try #require(compiled.runs.first?.divergedAt)
        #expect(shown.runs[0].divergedAt == diverged)
        let text = OutputText.render(.runs(shown), style: Style(color: false))
        #expect(text.contains("diverged at step \(diverged)"))
        #expect(!text.contains("nan"))
    }

    @Test func optimizerNamesFollowTheCallAsWritten() throws {
        let result = Notebook.run(source: """
            ```swift
            let lr = 0.5
            [Adam(lr: 0.05).name, Adam(lr: lr).name, Momentum(lr: 1e-3, mu: 0.95).name, RMSProp().name]
            ```
            """, path: "names.md")
        #expect(CaseFileTests.shown(result.cells.first?.outputs ?? []) == [
            #"["Adam(lr: 0.05)", "Adam(lr: 0.5)", "Momentum(lr: 1e-3, mu: 0.95)", "RMSProp()"]"#,
        ])
    }
}
