using System.Globalization;
using System.Text.RegularExpressions;
using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Structure;

namespace SafetyDuty.Seed.Extraction;

/// <summary>What the head and signature of a document say about it.</summary>
public sealed record DocumentMetadata(
    string Jurisdiction,
    string Level,
    string? Number,
    string? IssuedOn,
    string Title,
    string? Issuer,
    DocumentStatus Status,
    IReadOnlySet<int> LineNumbers);

/// <summary>Reads the metadata from the lines before the first numbered line (the document head) and from standalone
/// date lines (the signature).</summary>
public static partial class DocumentMetadataReader
{
    public static DocumentMetadata Read(IReadOnlyList<SourceLine> lines, int firstStructureLine, string fileName)
    {
        var used = new HashSet<int>();
        var head = lines.Where(l => l.Number < firstStructureLine && l.Content.Length > 0).ToList();

        string? number = null;
        foreach (var line in head)
        {
            var m = DocumentNumber().Match(line.Content);
            if (m.Success && m.Length >= line.Content.Length - 2)
            {
                number = $"{m.Groups[1].Value}〔{m.Groups[2].Value}〕{m.Groups[3].Value}号";
                used.Add(line.Number);
                break;
            }
        }

        string? issuedOn = null;
        foreach (var line in lines)
        {
            var m = DateLine().Match(line.Content);
            if (m.Success)
            {
                issuedOn ??= new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))
                    .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                used.Add(line.Number);
            }
        }

        string? issuer = null;
        string? place = null;
        foreach (var line in head.Concat(lines.TakeLast(12).Where(l => l.Content.Length <= 40)))
        {
            // An issuer is a name on a line of its own; "本清单由县安委会办公室负责解释。" is a sentence naming one.
            var m = Issuer().Match(line.Content);
            if (m.Success && !m.Groups[1].Value.Contains("关于", StringComparison.Ordinal) && line.Content.AsSpan().IndexOfAny("。，；") < 0)
            {
                issuer ??= line.Content.EndsWith("文件", StringComparison.Ordinal) ? line.Content[..^2] : line.Content;
                place ??= m.Groups[1].Value;
                used.Add(line.Number);
                break;
            }
        }

        var title = ReadTitle(head, used);
        if (place is null)
        {
            var m = PlaceInTitle().Match(title);
            place = m.Success ? m.Groups[1].Value : Path.GetFileNameWithoutExtension(fileName);
        }

        var draft = lines.Take(Math.Max(firstStructureLine + 5, 30)).Any(l => l.Content.Contains("征求意见稿", StringComparison.Ordinal));
        foreach (var line in head.Where(l => l.Content is "（征求意见稿）" or "(征求意见稿)"))
        {
            used.Add(line.Number);
        }

        return new DocumentMetadata(place, LevelOf(place, lines), number, issuedOn, title, issuer,
            draft ? DocumentStatus.Draft : DocumentStatus.InForce, used);
    }

    private static string ReadTitle(List<SourceLine> head, HashSet<int> used)
    {
        for (var i = 0; i < head.Count; i++)
        {
            var content = head[i].Content;
            if (used.Contains(head[i].Number) || content.Length < 6 || content.EndsWith('。') || content.Contains('，', StringComparison.Ordinal)
                || !(TitleWord().IsMatch(content) || content.Contains("关于", StringComparison.Ordinal)))
            {
                continue;
            }

            var title = content;
            used.Add(head[i].Number);
            // A long title is set over two lines; the second line ends the title word.
            if (!TitleEnd().IsMatch(title) && i + 1 < head.Count && head[i + 1].Number == head[i].Number + 1 && TitleEnd().IsMatch(head[i + 1].Content))
            {
                title += head[i + 1].Content;
                used.Add(head[i + 1].Number);
            }

            return title.Replace("（征求意见稿）", "", StringComparison.Ordinal);
        }

        return head.Count > 0 ? head[0].Content : "";
    }

    private static string LevelOf(string place, IReadOnlyList<SourceLine> lines)
    {
        if (place.EndsWith('省') || place.EndsWith("自治区", StringComparison.Ordinal))
        {
            return "province";
        }

        if (place.EndsWith('区'))
        {
            return "district";
        }

        if (place.EndsWith('县') || place.EndsWith('旗'))
        {
            return "county";
        }

        if (place.EndsWith('镇') || place.EndsWith('乡') || place.EndsWith("街道", StringComparison.Ordinal))
        {
            return "town";
        }

        // A city that governs counties is a prefecture; a county-level city governs towns only.
        return lines.Any(l => l.Content.Contains("县（市、区）", StringComparison.Ordinal) || l.Content.Contains("各县", StringComparison.Ordinal))
            ? "prefecture"
            : "county";
    }

    [GeneratedRegex(@"([\u4e00-\u9fff]{1,8})\s*[〔［\[﹝(（【]\s*(\d{4})\s*[〕］\]﹞)）】]\s*(\d{1,4})\s*号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:印发|发布)?$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?:中共)?([\u4e00-\u9fff]{2,8}?(?:自治区|省|市|区|县|旗|镇|乡|街道))(?:人民政府|委员会|委|政府|党委|安全生产委员会|人民代表大会)")]
    private static partial Regex Issuer();

    [GeneratedRegex(@"^(?:关于)?([\u4e00-\u9fff]{2,8}?(?:自治区|省|市|区|县|旗|镇|乡|街道))")]
    private static partial Regex PlaceInTitle();

    [GeneratedRegex(@"(通知|意见|清单|规定|职责|公告|办法|决定|方案|细则)")]
    private static partial Regex TitleWord();

    [GeneratedRegex(@"(通知|意见|清单|规定|职责|公告|办法|决定|方案|细则)[》）)]?$")]
    private static partial Regex TitleEnd();
}
