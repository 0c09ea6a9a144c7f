/// The course website builder.
public enum SiteModule {}
