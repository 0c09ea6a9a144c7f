import CFuzzing
import Foundation
import FuzzEntry

/// libFuzzer's callback: one input, run as a lesson by `fuzzOne`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    fuzzOne(bytes)
    return 0
}

/// The fuzz target: under `-DFUZZING` (with `-sanitize=fuzzer`, see `make fuzz`) libFuzzer's
/// driver with its usual flags; in an ordinary build it runs the files it is given through
/// `fuzzOne`, to reproduce a saved crash without sanitizers.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzInput))
        #else
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: gradus-fuzz FILE...  (build with `make fuzz` to fuzz)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("gradus-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            print("running \(path)")
            fuzzOne(Array(data))
        }
        print("\(paths.count) inputs ran without a crash")
        #endif
    }
}
