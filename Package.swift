// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gradus",
    products: [
        .library(name: "Descent", targets: ["Descent"]),
        // What a lesson shows (tables, plots, comparisons) and `show`/`table`/`plot` for exported scripts.
        .library(name: "Outputs", targets: ["Outputs"]),
        .executable(name: "gradus", targets: ["gradus"]),
        .library(name: "Sandbox", targets: ["Sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The optimizer library lessons run against: tensors, autodiff, layers, optimizers.
        .target(
            name: "Descent",
            dependencies: ["CKernels"],
            resources: [.copy("Resources/Datasets")]
        ),
        // Descent's hot loops (products, element-wise ops, optimizer steps) in C, one body compiled per
        // vector path (scalar, SSE2/NEON, AVX2, AVX-512) and chosen at run time; FP_CONTRACT off, so no path fuses.
        .target(name: "CKernels"),
        // Structured outputs and their text rendering, shared by the interpreter, the site and exported scripts.
        .target(name: "Outputs", dependencies: ["Descent"]),
        // Debian's cmark-gfm (cmark with GitHub's tables, strikethrough and autolinks), the only Markdown parser.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The lesson model: front matter, prose, cells with positions, the course.
        .target(
            name: "Lessons",
            dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        // The interpreter for lesson cells.
        .target(
            name: "Snippets",
            dependencies: [
                "Descent", "Lessons", "Outputs",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftOperators", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            ]
        ),
        // Sandboxed worker processes that run cells, and the pool the commands run lessons through.
        .target(
            name: "Kernel",
            dependencies: ["Descent", "Lessons", "Snippets", "Sandbox", "CTrapReport"]
        ),
        // A kernel's last words when it dies of a signal: where a bare runtime trap happened.
        .target(name: "CTrapReport"),
        // Page rendering shared by the site, feedback and notebooks: a lesson's Markdown tree walked
        // once with a hook for cells, cells with their outputs, tables, SVG plots, highlighting, the theme.
        .target(
            name: "Pages",
            dependencies: [
                "Lessons", "Outputs", "Snippets",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]
        ),
        // The website: builds pages with Pages, search, the execution cache, the dev server.
        .target(
            name: "Site",
            dependencies: [
                "Descent", "Lessons", "Outputs", "Snippets", "Pages",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Theme")]
        ),
        // zlib (Debian's zlib1g-dev), to deflate the Gradescope autograder zip.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Exercises: release, self-check, batch grading in worker processes, Gradescope autograders.
        .target(
            name: "Grading",
            dependencies: [
                "Descent", "Lessons", "Snippets", "Pages", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "gradus",
            dependencies: [
                "Descent", "Lessons", "Outputs", "Snippets", "Kernel", "Pages", "Site", "Grading",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Symbols in the dynamic table, so a kernel's trap report can name the frames (CTrapReport).
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
        ),
        // Debian's libseccomp, for the kernel's system-call allowlist.
        .systemLibrary(
            name: "CSeccomp",
            pkgConfig: "libseccomp",
            providers: [.apt(["libseccomp-dev"])]
        ),
        // OS limits a kernel applies to itself before running lesson code (docs/sandbox.md).
        .target(name: "Sandbox", dependencies: [.target(name: "CSeccomp", condition: .when(platforms: [.linux]))]),
        // Enters the sandbox and tries one thing; Tests/SandboxTests runs it as a subprocess.
        .executableTarget(name: "sandbox-probe", dependencies: ["Sandbox"], path: "Sources/SandboxProbe"),
        // libFuzzer's driver, declared for the fuzz target (see docs/fuzzing.md).
        .target(name: "CFuzzing"),
        // One fuzz input run as a lesson through Lessons and the interpreter; shared by the fuzzer and its replay test.
        .target(name: "FuzzEntry", dependencies: ["Lessons", "Snippets", "Pages"]),
        // The libFuzzer target `make fuzz` builds with -sanitize=fuzzer; a plain build replays files.
        .executableTarget(name: "gradus-fuzz", dependencies: ["CFuzzing", "FuzzEntry"]),
        .executableTarget(
            name: "descent-bench",
            dependencies: ["Descent"],
            path: "Benchmarks/DescentBench"
        ),
        .testTarget(
            name: "DescentTests",
            dependencies: ["Descent"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons"]),
        .testTarget(name: "SnippetsTests", dependencies: ["Snippets", "Lessons", "Descent", "Outputs"], exclude: ["Cases", "SwiftCorpus"]),
        // The renderer: snapshots of a fixture lesson's whole page, plots, tables, highlighting.
        .testTarget(name: "PagesTests", dependencies: ["Pages", "Lessons", "Snippets", "Outputs", "Descent"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Pages", "Lessons", "Snippets"]),
        // Every seed and saved crash of the fuzzer, run again through the fuzz entry.
        .testTarget(name: "FuzzTests", dependencies: ["FuzzEntry"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Kernel", "Lessons", "Snippets"], exclude: ["Fixtures"]),
        // Kernels as the commands use them: the real `gradus kernel`, made to crash, hang and babble.
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "Lessons", "Snippets"]),
        // The shipped course: it builds, its released copy builds, and a batch of submissions grades.
        .testTarget(name: "CourseTests", dependencies: ["gradus"], exclude: ["Fixtures"]),
        .testTarget(name: "GradusTests", dependencies: ["gradus"], exclude: ["Fixtures"]),
        // Runs the built sandbox-probe (found by path: a test cannot link an executable).
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "sandbox-probe"]),
    ]
)
