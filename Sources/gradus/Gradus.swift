import ArgumentParser

/// The `gradus` command: runs lessons now; later issues add build, check, grade and export.
struct Gradus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradus",
        abstract: "Run and check the course's lessons.",
        subcommands: [Run.self, Bench.self, Build.self, ReleaseCommand.self, CheckCommand.self, GradeCommand.self, GradeWorker.self,
                      ExportCommand.self, ImportCommand.self, InitCommand.self, NewCommand.self, ServeCommand.self]
    )
}
