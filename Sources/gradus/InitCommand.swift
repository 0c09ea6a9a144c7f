import ArgumentParser
import Foundation

/// `gradus init DIR`: a new course that builds at once, to start writing from.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a course skeleton: README, lessons/course.yml and a first lesson.",
        discussion: """
            DIR gets README.md, .gitignore and lessons/ holding course.yml and \
            01-first-lesson.md (a runnable comparison and an exercise with a visible and a hidden \
            test). Inside DIR, 'gradus build' then builds the site with no options. DIR must not \
            exist or be empty. Exit status: 0 on success, 1 when DIR is not empty or cannot be written.
            """
    )

    @Argument(help: "The folder to create the course in.")
    var directory: String

    func run() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            let contents = isDirectory.boolValue ? (try? manager.contentsOfDirectory(atPath: directory)) : nil
            guard let contents, contents.isEmpty else {
                let what = isDirectory.boolValue ? "is not empty" : "is a file"
                fail("'\(directory)' \(what); gradus init only writes into a new or empty folder")
            }
        }
        let name = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        let files = [
            "README.md": CourseSkeleton.readme(title: name),
            ".gitignore": "site/\nkey-site/\nrelease/site/\n.gradus-cache/\n",
            "lessons/course.yml": CourseSkeleton.manifest(title: name),
            "lessons/01-first-lesson.md": CourseSkeleton.firstLesson,
        ]
        do {
            try manager.createDirectory(atPath: directory + "/lessons", withIntermediateDirectories: true)
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + path))
            }
        } catch {
            fail("cannot write the course into '\(directory)': \(error.localizedDescription)")
        }
        print("Created a course in \(directory). Next: cd \(directory) && gradus build")
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Gradus.exit(withError: ExitCode.failure)
    }
}

/// The files of a new course, as text.
enum CourseSkeleton {
    static func manifest(title: String) -> String {
        """
        title: \(NewLesson.yamlScalar(title))
        authors: [Your Name]
        lessons:
          - 01-first-lesson.md
        defaults:
          timeout: 10

        """
    }

    static func readme(title: String) -> String {
        """
        # \(title)

        A course written with Gradus. The lessons are Markdown files in `lessons/`, listed in
        order in `lessons/course.yml`; their Swift cells run when the site is built.

        ```sh
        gradus new lesson "Momentum"       # adds lessons/02-momentum.md and lists it
        gradus run lessons/01-first-lesson.md
        gradus build                       # site/: the students' website, no solutions in it
        gradus build --solutions --out key-site   # key-site/: your view, solutions shown
        gradus export lessons/01-first-lesson.md -o first.swift   # edit as a script
        gradus import first.swift -o lessons/01-first-lesson.md   # and back
        gradus release lessons --out release/lessons   # the students' copy: solutions become todo()
        gradus build --lessons release/lessons --out release/site   # the copy builds as a course
        ```

        `gradus serve` previews the students' website on http://127.0.0.1:8000/ and rebuilds it
        on every save (`--solutions` for yours).

        """
    }

    static let firstLesson = """
        ---
        title: A first lesson
        summary: Three optimizers race down the Rosenbrock valley, then you write one yourself.
        ---

        # A first lesson

        The Rosenbrock function has its minimum at $(1, 1)$ at the end of a long curved valley.
        Plain gradient descent crawls along it; momentum and Adam get further in the same
        number of steps.

        ```swift
        minimize(Rosenbrock(), from: [-1.5, 2], steps: 500) {
            GD(lr: 0.001)
            Momentum(lr: 0.001, mu: 0.9)
            Adam(lr: 0.05)
        }
        ```

        ## Exercise: heavy ball

        Write the heavy-ball update: keep a velocity $v \\leftarrow 0.9\\,v - \\eta\\, g$ and
        move by it, $w \\leftarrow w + v$.

        ```swift exercise=heavy-ball
        let heavyBall = Optimizer("heavy ball", lr: 0.001) { w, g, state in
            // BEGIN SOLUTION
            state.v = 0.9 * state.v - state.lr * g
            w += state.v
            // END SOLUTION
        }
        ```

        ```swift test=heavy-ball
        expectSameTrajectory(heavyBall, Momentum(lr: 0.001, mu: 0.9), on: Rosenbrock(), from: [-1.5, 2], steps: 50)
        ```

        ```swift test=heavy-ball hidden points=2
        expectSameTrajectory(heavyBall, SGD(lr: 0.001, momentum: 0.9), on: Beale(), from: [1, 1], steps: 200)
        ```

        """
}
