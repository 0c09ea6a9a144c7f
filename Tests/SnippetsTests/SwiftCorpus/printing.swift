// How print shows a program's own types: bare at the top, module-qualified inside collections and other values.
enum Phase: CaseIterable { case warmup, train, decay }
enum Event { case step(Int), stop(reason: String) }
struct Point { var x: Double; var y: Double }
struct Segment { var from: Point; var to: Point; var phase: Phase }
struct Named: CustomStringConvertible {
    var name: String
    var description: String { "<\(name)>" }
}
final class Counter { var count = 0 }
print(Phase.warmup, Phase.allCases, [Phase.train: 2])
print(Event.step(3), [Event.step(1), .stop(reason: "done")], (Phase.decay, 1))
let p = Point(x: 1, y: 2.5)
print(p, [p], Segment(from: p, to: Point(x: 0, y: 0), phase: .train))
print(Named(name: "a"), [Named(name: "b")], "\([Phase.warmup])", String(describing: [p]))
print(Counter(), [Counter()].count, [[Phase.decay]], ["a": (Phase.train, p)])
