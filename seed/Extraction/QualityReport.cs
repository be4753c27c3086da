using SafetyDuty.Graph.Model;

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
    /// <summary>A duty longer than this is most likely several items or a closing paragraph read as one.</summary>
    public const int LongDuty = 600;

    /// <summary>Nothing was found that a duty list contains.</summary>
    public bool IsEmpty => Bodies == 0 && Leaders == 0 && Duties == 0;

    /// <summary>Why a document in which nothing was found is refused, with the first lines that were left unread so the
    /// user sees what the reader saw.</summary>
    public string NothingRecognisable =>
        "未找到可识别的职责内容 (nothing recognisable)：没有读出任何单位、领导岗位或职责条目，未写入。前几行："
        + (UnattributedLines.Count == 0
            ? "（无）"
            : string.Join(" / ", UnattributedLines.Take(3).Select(l => $"{l.Line}: {(l.Text.Length <= 40 ? l.Text : l.Text[..40] + "…")}")));

    /// <summary>Adds the warnings that look at the reading as a whole: more than a tenth of the document's non-blank
    /// lines left unattributed (a structure the reader did not see), and duties so long they are several read as one.
    /// </summary>
    public QualityReport WithShapeWarnings(int nonBlankLines, DocumentGraph graph)
    {
        var warnings = Warnings.ToList();
        if (nonBlankLines > 0 && UnattributedLines.Count * 10 > nonBlankLines)
        {
            warnings.Add($"{UnattributedLines.Count} 行（共 {nonBlankLines} 行非空行）未归属任何单位或职责，超过十分之一：可能有未识别的结构 "
                + "(more than a tenth of the lines are unattributed)");
        }

        var owners = graph.Nodes.OfType<Body>().Select(b => (b.Id, b.Name))
            .Concat(graph.Nodes.OfType<Leader>().Select(l => (l.Id, Name: l.Title)))
            .ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        foreach (var duty in graph.Nodes.OfType<Duty>().Where(d => d.Text.Length > LongDuty))
        {
            warnings.Add($"“{owners.GetValueOrDefault(duty.OwnerId, duty.OwnerId)}”的职责 {duty.Locator} 长 {duty.Text.Length} 字，超过 {LongDuty} 字："
                + "可能是多项职责或结尾段落被读成了一项 (a duty longer than 600 characters)");
        }

        return this with { Warnings = warnings };
    }
}

/// <summary>A non-blank line no structure claimed (should be preamble and closing text only).</summary>
public sealed record UnattributedLine(int Line, string Text);
