import Testing
@testable import Snippets

/// Class instances free what they hold without recursion: a cell may build a linked list of
/// millions of nodes, and dropping it must not overflow the stack (which would crash the kernel).
@Suite struct ObjectValueTests {
    static func chain(_ length: Int, throughRecords: Bool) -> (head: Value, type: UserType) {
        let type = UserType(name: "Node", kind: .classType, scope: Environment())
        let box = UserType(name: "Box", kind: .structure, scope: Environment())
        var head = Value.null
        for value in 0..<length {
            let next = throughRecords ? Value.record(RecordValue(type: box, fields: [head])) : head
            head = .object(ObjectValue(type: type, fields: [.int(value), next]))
        }
        return (head, type)
    }

    @Test(arguments: [false, true])
    func droppingALongChainDoesNotRecurse(throughRecords: Bool) {
        // 300,000 levels of recursive release need more than the 8 MiB stack a test thread has at most.
        var (head, _) = Self.chain(300_000, throughRecords: throughRecords)
        #expect(head.isObject)
        head = .void
        #expect(head.isVoid)
    }

    @Test func aSharedTailSurvivesItsHead() {
        var (head, type) = Self.chain(10, throughRecords: false)
        guard case let .object(first) = head, case let .object(second) = first.fields[1] else {
            Issue.record("the chain's head should be an instance holding the next one")
            return
        }
        let kept = second
        head = .void
        _ = first
        #expect(kept.type === type)
        #expect(kept.fields.count == 2)
        var length = 0
        var cursor: Value = .object(kept)
        while case let .object(node) = cursor {
            length += 1
            cursor = node.fields[1]
        }
        #expect(length == 9)
    }
}
