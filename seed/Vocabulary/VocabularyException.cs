namespace SafetyDuty.Seed.Vocabulary;

/// <summary>A vocabulary file that cannot be used: which file, which line, and why. The message is shown to the
/// user as is.</summary>
public sealed class VocabularyException : Exception
{
    public VocabularyException(string file, int line, string reason)
        : base($"词表文件 {file} 第 {line} 行：{reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public VocabularyException()
        : this("", 0, "")
    {
    }

    public VocabularyException(string message)
        : base(message)
    {
        File = "";
        Reason = message;
    }

    public VocabularyException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Reason = message;
    }

    public string File { get; }

    /// <summary>1-based line of the offending entry.</summary>
    public int Line { get; }

    public string Reason { get; }
}
