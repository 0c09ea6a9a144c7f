/// A memory size as authors write it: `2G`, `512M`, `1.5GiB`, or a number of bytes.
///
/// The front matter's and `course.yml`'s `memory:` and the commands' `--memory` all read sizes
/// this way, so one spelling works everywhere.
public enum MemorySize {
    /// The smallest limit accepted: a kernel's address space holds the interpreter, its libraries
    /// and the 512 MiB stack cells run on (measured: 700 MiB still runs cells).
    public static let minimum = 768 << 20
    /// The largest limit accepted.
    public static let maximum = 1 << 40

    /// The size in bytes, or nil when `text` is not a size between `minimum` and `maximum`.
    public static func bytes(_ text: String) -> Int? {
        var trimmed = Substring(text)
        while trimmed.first == " " { trimmed.removeFirst() }
        while trimmed.last == " " { trimmed.removeLast() }
        let gib = Double(1 << 30), mib = Double(1 << 20), kib = Double(1 << 10)
        let units: [(String, Double)] = [("GiB", gib), ("MiB", mib), ("KiB", kib), ("GB", gib), ("MB", mib), ("KB", kib),
                                         ("G", gib), ("M", mib), ("K", kib)]
        for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
            var number = trimmed.dropLast(suffix.count)
            while number.last == " " { number.removeLast() }
            return Double(number).flatMap { bounded($0 * scale) }
        }
        return Double(trimmed).flatMap(bounded)
    }

    /// What to write instead of a size that is not one.
    public static let advice = "a size between 768M and 1024G, such as '2G' or '1.5G'"

    /// `2 GiB`, `512 MiB`: a size in words for messages.
    public static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 30 { return "\((Double(bytes) / Double(1 << 30) * 10).rounded() / 10) GiB" }
        return "\(bytes >> 20) MiB"
    }

    private static func bounded(_ bytes: Double) -> Int? {
        guard bytes.isFinite, bytes >= Double(minimum), bytes <= Double(maximum) else { return nil }
        return Int(bytes)
    }
}
