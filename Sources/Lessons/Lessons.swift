/// The lesson model: Markdown lessons parsed by cmark into prose and cells.
public enum LessonsModule {}
