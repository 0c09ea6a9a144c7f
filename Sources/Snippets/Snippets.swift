/// The interpreter that runs lesson cells against Descent.
public enum SnippetsModule {}
