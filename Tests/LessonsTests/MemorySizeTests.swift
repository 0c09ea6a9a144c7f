import Testing
@testable import Lessons

/// `memory:` in front matter and `course.yml`, and the size spellings `--memory` shares.
@Suite struct MemorySizeTests {
    @Test(arguments: [("2G", 2 << 30), ("1.5G", 3 << 29), ("768M", 768 << 20), ("1GiB", 1 << 30),
                      ("4096MB", 4 << 30), (" 3 G ", 3 << 30), ("1073741824", 1 << 30)])
    func sizesAreRead(_ text: String, _ bytes: Int) {
        #expect(MemorySize.bytes(text) == bytes)
    }

    @Test(arguments: ["", "2X", "G", "-1G", "512M", "nan", "inf", "2000G", "1e300"])
    func nonSizesAndSizesOutOfRangeAreRefused(_ text: String) {
        #expect(MemorySize.bytes(text) == nil)
    }

    @Test func frontMatterMemoryIsReadAndAMistakeIsLocated() {
        let good = Lesson.parse(source: "---\ntitle: T\nmemory: 3G\n---\n", path: "m.md")
        #expect(good.diagnostics.isEmpty)
        #expect(good.memory == 3 << 30)
        let bad = Lesson.parse(source: "---\ntitle: T\nmemory: lots\n---\n", path: "m.md")
        #expect(bad.memory == nil)
        #expect(bad.diagnostics.first?.message == "front matter 'memory' must be a size between 768M and 1024G, such as '2G' or '1.5G', not 'lots'")
        #expect(bad.diagnostics.first?.location == SourceLocation(path: "m.md", line: 3, column: 9))
    }
}
