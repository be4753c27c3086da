using System.Text.RegularExpressions;

namespace SafetyDuty.Seed.Structure;

/// <summary>Items enumerated inside one paragraph: "①…；②…；③…" and "一是…；二是…；三是…". Town lists write a
/// body's duties so; each item is a duty of its own, without its label.</summary>
public static partial class InlineItems
{
    /// <param name="Label">The label as written (①, 二是), for the item's locator.</param>
    /// <param name="Offset">Where the item's text starts in the paragraph.</param>
    public sealed record Item(string Label, int Offset, string Text);

    /// <summary>The items of a paragraph, in order, and the words before the first (a lead-in, often empty); null
    /// unless at least two items follow each other from the first (①② or 一是二是).</summary>
    public static (string LeadIn, IReadOnlyList<Item> Items)? Split(string text)
    {
        var labels = Circled(text);
        if (labels.Count < 2)
        {
            labels = Ordinal(text);
        }

        if (labels.Count < 2)
        {
            return null;
        }

        var items = new List<Item>();
        for (var k = 0; k < labels.Count; k++)
        {
            var (start, length) = labels[k];
            var end = k + 1 < labels.Count ? labels[k + 1].Start : text.Length;
            var from = start + length;
            var piece = text[from..end];
            var trimmed = piece.TrimStart();
            items.Add(new Item(text.Substring(start, length), from + piece.Length - trimmed.Length, trimmed.TrimEnd()));
        }

        return (text[..labels[0].Start].Trim(), items);
    }

    // ① … ⑳ in order from ①.
    private static List<(int Start, int Length)> Circled(string text)
    {
        var labels = new List<(int, int)>();
        var at = 0;
        for (var glyph = '①'; glyph <= '⑳'; glyph++)
        {
            var found = text.IndexOf(glyph, at);
            if (found < 0)
            {
                break;
            }

            labels.Add((found, 1));
            at = found + 1;
        }

        return labels;
    }

    // 一是 … 十是, each at the start or after a stop, in order from 一是.
    private static List<(int Start, int Length)> Ordinal(string text)
    {
        var labels = new List<(int, int)>();
        var expected = 1;
        foreach (Match m in OrdinalLabel().Matches(text))
        {
            if (ChineseNumeral.Parse(m.Groups[1].Value) != expected)
            {
                continue;
            }

            labels.Add((m.Groups[1].Index, m.Index + m.Length - m.Groups[1].Index));
            expected++;
        }

        return labels;
    }

    [GeneratedRegex(@"(?:^|(?<=[，；。：,;:\n]))\s*([一二三四五六七八九十]{1,2})是")]
    private static partial Regex OrdinalLabel();
}
