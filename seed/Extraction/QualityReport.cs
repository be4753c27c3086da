namespace SafetyDuty.Seed.Extraction;

/// <summary>How well a document was read: what was found, what was left over, what looks wrong.</summary>
public sealed record QualityReport(
    string File,
    string Title,
    string Jurisdiction,
    int Bodies,
    int Leaders,
    int Duties,
    int CommonDuties,
    int Laws,
    int SectorsCovered,
    int LeadEdges,
    int AssistEdges,
    int MentionsResolved,
    int MentionsUnresolved,
    IReadOnlyList<UnattributedLine> UnattributedLines,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Nothing was found that a duty list contains.</summary>
    public bool IsEmpty => Bodies == 0 && Leaders == 0 && Duties == 0;
}

/// <summary>A non-blank line no structure claimed (should be preamble and closing text only).</summary>
public sealed record UnattributedLine(int Line, string Text);
