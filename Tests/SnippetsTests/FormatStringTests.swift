import Foundation
import Testing
@testable import Snippets

/// The interpreter's `String(format:)` against Foundation's, the independent reference.
///
/// Foundation is called here, in the test, with arguments of the types its
/// directives expect; the interpreter never calls it. Doubles come from fixed
/// edge cases (ties, carries, subnormals, the ends of the range, signed zero)
/// and from random bit patterns over every exponent.
@Suite struct FormatStringTests {
    static let edgeDoubles: [Double] = [
        0, -0.0, 1, -1, 0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 123.456, -123.456,
        1e-5, 1e-4, 9.9999e-5, 0.000099996, 123456, 1234567, 999999.5, 9999995, 9.9999995, 99.99, 999.9, 9.95,
        1e15, 1e16, 1e21, 1e22, 1e100, 1.25e-300, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
        .leastNormalMagnitude, .infinity, -.infinity, .nan, -Double.nan, .pi, 0.05, 0.015, 0.025, 2.675, 1.005, 9.5, 99.5,
    ]
    static let floatFormats = [
        "%f", "%.0f", "%.1f", "%.2f", "%.3f", "%.10f", "%.20f", "%e", "%.0e", "%.2e", "%.10e", "%E", "%g", "%.0g",
        "%.1g", "%.2g", "%.3g", "%.10g", "%.17g", "%G", "%10.3f", "%-10.3f|", "%+f", "% f", "%+.2e", "%010.2f",
        "%-010.2f|", "%#.0f", "%#.0e", "%#g", "%#.3g", "%#.1g", "%015.3e", "%+010g", "%20g", "%.300f", "%F", "% .3g",
        "%lf", "%08.3f", "%3f", "%.50e", "%.5G", "x=%.4f!",
    ]

    /// SplitMix64, so the random doubles are the same on every run.
    static func randomDoubles(count: Int) -> [Double] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double(bitPattern: z ^ (z >> 31))
        }
    }

    static func mine(_ format: String, _ values: [Value]) -> String {
        (try? FormatString.format(format, values)) ?? "<error>"
    }

    @Test func floatingDirectivesMatchFoundation() {
        var mismatches: [String] = []
        let values = Self.edgeDoubles + Self.randomDoubles(count: 200)
        for format in Self.floatFormats {
            for d in values {
                let expected = String(format: format, d)
                let got = Self.mine(format, [.double(d)])
                if got != expected { mismatches.append("\(format) \(d.bitPattern): \(got) vs \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func anIntForAFloatingDirectivePrintsAsItsDouble() {
        for i in [0, 7, -42, 123_456_789, Int.max, Int.min] {
            for format in ["%f", "%.2e", "%g"] {
                #expect(Self.mine(format, [.int(i)]) == String(format: format, Double(i)))
            }
        }
    }

    @Test func integerDirectivesMatchFoundation() {
        let ints = [0, 1, -1, 7, 42, -42, 123_456_789, Int(Int32.max), Int(Int32.min), 1_000_000, Int.max, Int.min]
        // Foundation reads %d as a 32-bit int; %ld is the same directive for all 64 bits, which ours prints.
        let formats = ["%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%.0d", "%8.3d", "%-8.3d|", "%+05d", "%ld", "%lld", "%li"]
        for format in formats {
            let reference = format.replacingOccurrences(of: "ll", with: "l").replacingOccurrences(of: "l", with: "")
                .replacingOccurrences(of: "d", with: "ld").replacingOccurrences(of: "i", with: "li")
            for i in ints {
                #expect(Self.mine(format, [.int(i)]) == String(format: reference, i), "\(format) \(i)")
                if Int(exactly: Int32(truncatingIfNeeded: i)) == i, !format.contains("l") {
                    #expect(Self.mine(format, [.int(i)]) == String(format: format, Int32(i)), "\(format) \(i) as Int32")
                }
            }
        }
        for format in ["%x", "%X", "%#x", "%o", "%#o", "%08x", "%#010x", "%.0x", "%5o|"] {
            for i in [0, 1, 8, 255, 4096, Int(UInt32.max)] {
                #expect(Self.mine(format, [.int(i)]) == String(format: format, UInt32(i)), "\(format) \(i)")
            }
        }
        for i in [0, 255, 1 << 40, Int.max] {
            #expect(Self.mine("%lx", [.int(i)]) == String(format: "%lx", i))
            #expect(Self.mine("%#llo", [.int(i)]) == String(format: "%#llo", i))
        }
    }

    @Test func stringDirectivesMatchFoundation() {
        let strings = ["", "a", "hello", "x y", "50%", "Grüße"]
        for s in strings {
            #expect(Self.mine("[%@]", [.string(s)]) == String(format: "[%@]", s))
            #expect(Self.mine("%@-%@", [.string(s), .string(s)]) == String(format: "%@-%@", s, s))
        }
        // %s pads and cuts as C does; the reference gets the C string it expects.
        for s in strings where s.allSatisfy(\.isASCII) {
            for format in ["%s", "%10s", "%-10s|", "%.2s", "%6.1s|", "%.0s"] {
                let expected = s.withCString { String(format: format, $0) }
                #expect(Self.mine(format, [.string(s)]) == expected, "\(format) \(s)")
            }
        }
        #expect(Self.mine("%d%% done, 100%%", [.int(5)]) == String(format: "%ld%% done, 100%%", 5))
        #expect(Self.mine("%@ is %.1f", [.string("x"), .double(2.25)]) == String(format: "%@ is %.1f", "x", 2.25))
    }

    @Test func refusedDirectivesNameWhatToWriteInstead() throws {
        func problem(_ format: String, _ values: [Value]) -> FormatString.Problem? {
            do { _ = try FormatString.format(format, values); return nil } catch { return error as? FormatString.Problem }
        }
        #expect(problem("%s", [.int(1)])?.argument == 0)
        #expect(problem("%d %d", [.int(1), .string("x")])?.argument == 1)
        #expect(problem("%d", [.int(1), .int(2)])?.argument == 1)
        for format in ["%p", "%n", "%*d", "%.*f", "%1$d", "%hd", "%c", "%k", "%", "%10@", "%u", "%a", "%ls", "%99999d"] {
            let found = problem(format, [.int(1)])
            #expect(found != nil && found?.argument == nil, "\(format)")
        }
    }
}
