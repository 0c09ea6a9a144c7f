/// A course: `course.yml` and the lessons it orders, loaded together with every problem found.
public struct Course: Sendable {
    /// Settings `course.yml` gives every lesson unless a lesson or cell overrides them.
    public struct Defaults: Sendable, Hashable {
        /// The cell time limit in seconds.
        public var timeout: Double?
        /// The memory each kernel may use, in bytes, unless a lesson's front matter says otherwise.
        public var memory: Int?
        /// Other default keys, for tools that define their own.
        public var extra: [String: YAMLValue]

        /// Creates defaults.
        public init(timeout: Double? = nil, extra: [String: YAMLValue] = [:]) {
            self.timeout = timeout
            self.extra = extra
        }
    }

    /// The directory holding `course.yml`, as given to `load`.
    public var directory: String
    /// The course title from `course.yml`.
    public var title: String
    /// The authors, in the order written.
    public var authors: [String]
    /// Course-wide defaults.
    public var defaults: Defaults
    /// Other top-level keys of `course.yml`.
    public var extra: [String: YAMLValue]
    /// The file names `lessons:` lists, in order, including any that failed to load.
    public var order: [String]
    /// The lessons that loaded, in course order; a lesson with diagnostics is still here.
    public var lessons: [Lesson]
    /// Every problem in the course and its lessons, sorted by location.
    public var diagnostics: [LessonDiagnostic]

    /// Creates a course from parts, for tests and tools that build courses in memory.
    public init(
        directory: String, title: String, authors: [String] = [], defaults: Defaults = Defaults(),
        extra: [String: YAMLValue] = [:], order: [String] = [], lessons: [Lesson] = [],
        diagnostics: [LessonDiagnostic] = []
    ) {
        self.directory = directory
        self.title = title
        self.authors = authors
        self.defaults = defaults
        self.extra = extra
        self.order = order
        self.lessons = lessons
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }

    /// The path of `course.yml`.
    public var manifestPath: String { Course.join(directory, "course.yml") }

    /// The lesson whose `id` (file name without extension) is `id`.
    public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }

    /// The time limit for `cell`: its own `timeout=`, else the lesson's, else the course default.
    public func timeout(for cell: Cell, in lesson: Lesson) -> Double? {
        cell.timeout ?? lesson.timeout ?? defaults.timeout
    }

    /// Joins a directory and a file name with one `/`.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
