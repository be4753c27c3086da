using System.Text;
using System.Text.RegularExpressions;

namespace SafetyDuty.Graph.Store;

/// <summary>One required part of a full-text query: a word or a quoted phrase, and the other forms that count as
/// it (燃气 is also found as 天然气 or 液化石油气). A text matches the term when it holds any of the forms.
/// A quoted phrase is taken as written, never widened to other forms.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Forms, bool IsPhrase = false);

/// <summary>Where a search matched in a text, for highlighting: offsets into the text as given.</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>How a search text is read, once for both stores: whitespace separates words that are all required
/// (燃气 餐饮); text in matching quotes ("燃气 安全", “燃气 安全”) is one phrase, its spaces between Chinese characters
/// dropped (Chinese writes none); an unmatched quote is an ordinary character. Forms are NFKC-normalised and in lower
/// case (full-width ＬＰＧ is lpg), and a form without a letter or digit (bare punctuation) is dropped.</summary>
public static partial class SearchTerms
{
    public static IReadOnlyList<SearchTerm> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<(string Text, bool IsPhrase)>();
        var at = 0;
        foreach (Match phrase in QuotedPhrase().Matches(text))
        {
            words.AddRange(Words(text[at..phrase.Index]).Select(w => (w, false)));
            words.Add((SpaceBetweenHan().Replace(phrase.Groups["text"].Value.Trim(), ""), true));
            at = phrase.Index + phrase.Length;
        }
        words.AddRange(Words(text[at..]).Select(w => (w, false)));
        return words
            .Select(w => (Text: Normalise(w.Text), w.IsPhrase))
            .Where(w => w.Text.Any(char.IsLetterOrDigit))
            .DistinctBy(w => w.Text, StringComparer.Ordinal)
            .Select(w => new SearchTerm([w.Text], w.IsPhrase))
            .ToList();
    }

    /// <summary>The terms with more forms: <paramref name="formsOf"/> gives a word's other forms, or null.</summary>
    public static IReadOnlyList<SearchTerm> WithForms(IReadOnlyList<SearchTerm> terms, Func<string, IReadOnlyList<string>?> formsOf)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(formsOf);
        return terms.Select(term => term.IsPhrase ? term : new SearchTerm(term.Forms
                .SelectMany(form => (formsOf(form) ?? []).Prepend(form))
                .Select(Normalise)
                .Where(w => w.Any(char.IsLetterOrDigit))
                .Distinct(StringComparer.Ordinal)
                .ToList()))
            .ToList();
    }

    /// <summary>Every stretch of the text that holds a form of a term, in text order, overlapping ones merged.
    /// Matching is case-insensitive and width-insensitive as the search is (ＬＰＧ in a text matches lpg).</summary>
    public static IReadOnlyList<TextSpan> Spans(IReadOnlyList<SearchTerm> terms, string text)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(text);
        // NFKC keeps one character for one here (full-width Latin and digits), so offsets stay the text's own.
        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var comparable = normalised.Length == text.Length ? normalised : text.ToLowerInvariant();
        var spans = new List<TextSpan>();
        foreach (var form in terms.SelectMany(t => t.Forms).Distinct(StringComparer.Ordinal))
        {
            for (var i = comparable.IndexOf(form, StringComparison.Ordinal); i >= 0; i = comparable.IndexOf(form, i + form.Length, StringComparison.Ordinal))
            {
                spans.Add(new TextSpan(i, form.Length));
            }
        }
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<TextSpan>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = new TextSpan(last.Start, Math.Max(last.Length, span.Start + span.Length - last.Start));
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }

    private static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Normalise(string word) => word.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    [GeneratedRegex("[\"“”「](?<text>[^\"“”「」]+)[\"“”」]")]
    private static partial Regex QuotedPhrase();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\s+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex SpaceBetweenHan();
}
