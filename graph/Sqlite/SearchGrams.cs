using System.Text;

namespace SafetyDuty.Graph.Sqlite;

// Chinese full text without a Chinese tokenizer. SQLite's trigram tokenizer cannot match a query shorter than three
// characters, and 燃气, 餐饮, 消防 are two. So the index holds every run of CJK characters as overlapping bigrams
// (燃气安全 → 燃气 气安 安全) and a query is the phrase of its own bigrams, which FTS5 matches at consecutive
// positions. The last character of each run is also indexed alone: a one-character query becomes a prefix query
// that then finds every occurrence (as the first half of a bigram, or as a run's last character). Other letters
// and digits are indexed as lower-case words. Text is NFKC-normalised first so full-width ＡＢＣ１２３ match ABC123.
internal static class SearchGrams
{
    public static string ForIndex(string text)
    {
        var tokens = new List<string>();
        foreach (var (run, isCjk) in Runs(text))
        {
            if (!isCjk)
            {
                tokens.Add(run);
                continue;
            }

            var characters = TextElements(run);
            for (var i = 0; i + 1 < characters.Count; i++)
            {
                tokens.Add(characters[i] + characters[i + 1]);
            }

            tokens.Add(characters[^1]);
        }

        return string.Join(' ', tokens);
    }

    // The FTS5 match expression for the grams column: every run of the query must occur (AND). Null when the query
    // has nothing searchable in it. Tokens are letters and digits only, so quoting them is safe.
    public static string? ToMatch(string query)
    {
        var terms = new List<string>();
        foreach (var (run, isCjk) in Runs(query))
        {
            if (!isCjk)
            {
                terms.Add($"grams : \"{run}\"");
                continue;
            }

            var characters = TextElements(run);
            if (characters.Count == 1)
            {
                terms.Add($"grams : \"{characters[0]}\" *");
                continue;
            }

            var bigrams = new List<string>();
            for (var i = 0; i + 1 < characters.Count; i++)
            {
                bigrams.Add(characters[i] + characters[i + 1]);
            }

            terms.Add($"grams : \"{string.Join(' ', bigrams)}\"");
        }

        return terms.Count == 0 ? null : string.Join(" AND ", terms);
    }

    // A filter token for the tags column: a one-letter kind and the value's UTF-8 in hex, so that the token is
    // letters and digits only and two different values never share one; the index filters exactly.
    public static string Tag(char kind, string value) =>
        kind + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value));

    private static IEnumerable<(string Run, bool IsCjk)> Runs(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var run = new StringBuilder();
        bool? runIsCjk = null;
        foreach (var rune in normalised.EnumerateRunes())
        {
            bool? kind = IsCjk(rune) ? true : Rune.IsLetterOrDigit(rune) ? false : null;
            if (kind != runIsCjk && run.Length > 0)
            {
                yield return (Finish(run, runIsCjk!.Value), runIsCjk.Value);
                run.Clear();
            }

            runIsCjk = kind;
            if (kind is not null)
            {
                run.Append(rune.ToString());
            }
        }

        if (run.Length > 0)
        {
            yield return (Finish(run, runIsCjk!.Value), runIsCjk.Value);
        }
    }

    private static string Finish(StringBuilder run, bool isCjk) =>
        isCjk ? run.ToString() : run.ToString().ToLowerInvariant();

    private static List<string> TextElements(string run)
    {
        var elements = new List<string>();
        foreach (var rune in run.EnumerateRunes())
        {
            elements.Add(rune.ToString());
        }

        return elements;
    }

    private static bool IsCjk(Rune rune) => rune.Value switch
    {
        0x3007 => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0x20000 and <= 0x323AF => true,
        _ => false,
    };
}
