import ArgumentParser
import Site

/// The `gradus` command: run, build, serve, export and grade a course of lessons.
struct Gradus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradus",
        abstract: "Run, build, serve, export and grade a course of lessons.",
        // One version for the binary and the execution cache, so a new release never reuses old results.
        version: ExecutionCache.gradusVersion,
        subcommands: [Run.self, Bench.self, Build.self, ReleaseCommand.self, CheckCommand.self, GradeCommand.self, AutograderCommand.self, KernelCommand.self,
                      ExportCommand.self, ImportCommand.self, InitCommand.self, NewCommand.self, ServeCommand.self]
    )
}
