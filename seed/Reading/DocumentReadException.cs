namespace SafetyDuty.Seed.Reading;

/// <summary>A document that cannot be read: which file, where in it, and why — the reason is in Chinese and is shown
/// to the user as is.</summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException(string file, int line, int column, string reason, Exception? inner = null)
        : base(Format(file, line, column, reason), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file name as given.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem; 0 when the whole file is at fault.</summary>
    public int Line { get; }

    /// <summary>1-based column (or byte offset for undecodable bytes); 0 when not applicable.</summary>
    public int Column { get; }

    /// <summary>Why, in Chinese.</summary>
    public string Reason { get; }

    private static string Format(string file, int line, int column, string reason) =>
        line > 0 ? $"{file}:{line}:{column}: {reason}" : $"{file}: {reason}";
}
