/// Exercises, release, self-check and batch grading.
public enum GradingModule {}
