import Testing
@testable import Snippets

/// A scope's names behave as the dictionary they replaced, before and after it grows an index.
@Suite struct ScopeNamesTests {
    @Test func lookupsOverwritesAndRemovalsAgreeWithADictionary() {
        var scope = ScopeNames()
        var reference: [String: Int] = [:]
        var generator = SplitMix(state: 3)
        for step in 0..<2000 {
            let name = "v\(generator.next() % 40)"
            switch generator.next() % 4 {
            case 0:
                scope[name] = nil
                reference[name] = nil
            default:
                scope[name] = Binding(.int(step), mutable: true)
                reference[name] = step
            }
            let probe = "v\(generator.next() % 40)"
            let found = scope[probe].map { binding -> Int? in
                if case let .int(value) = binding.value { return value } else { return nil }
            } ?? nil
            #expect(found == reference[probe], "step \(step): \(probe)")
            #expect(Set(scope.names) == Set(reference.keys))
            #expect(scope.names.count == reference.count)
        }
        #expect(reference.count > ScopeNames.indexedFrom, "the index was exercised")
    }

    @Test func namesKeepTheOrderTheyWereDefinedIn() {
        var scope = ScopeNames()
        for name in ["zeta", "alpha", "mid"] { scope[name] = Binding(.int(0), mutable: false) }
        scope["alpha"] = Binding(.int(1), mutable: false)
        #expect(scope.names == ["zeta", "alpha", "mid"])
        #expect(Array(scope.entries.map(\.0)) == ["zeta", "alpha", "mid"])
    }
}
