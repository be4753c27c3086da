using System.Text.RegularExpressions;

namespace SafetyDuty.Seed.Structure;

/// <summary>One line of the normalised text. <see cref="Content"/> is what the structure reader looks at: trimmed of
/// ordinary and ideographic spaces and of conversion artifacts ("[bookmark: _GoBack]"); offsets stay those of the text.</summary>
public sealed partial record SourceLine(int Number, int Start, string Raw, string Content, int ContentStart, bool IsTabLed)
{
    public bool IsBlank => Content.Length == 0 && !IsTabLed;

    public static IReadOnlyList<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        var number = 1;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lines.Add(Create(number++, start, text[start..end]));
            start = end + 1;
        }

        return lines;
    }

    private static SourceLine Create(int number, int start, string raw)
    {
        var cleaned = Artifact().Replace(raw, m => new string(' ', m.Length));
        var first = 0;
        while (first < cleaned.Length && IsSpace(cleaned[first]))
        {
            first++;
        }

        var last = cleaned.Length;
        while (last > first && IsSpace(cleaned[last - 1]))
        {
            last--;
        }

        return new SourceLine(number, start, raw, cleaned[first..last], start + first, raw.StartsWith('\t'));
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\uFEFF';

    // Word-to-text converters leave bookmark anchors in the text; they are not the author's words.
    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Artifact();
}
