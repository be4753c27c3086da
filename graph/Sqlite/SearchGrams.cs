using System.Text;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

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

    // The FTS5 match expression: every term of the query must occur (AND), a term through any of its forms (OR:
    // 燃气 or 天然气), and a form through all of its runs. A label is a column filter (the label's own column), not
    // an extra phrase. A place is a rowid range (NodeKeys), outside the expression. Null when the query has nothing
    // searchable in it. Tokens are letters and digits only, so quoting them is safe.
    public static string? ToMatch(IReadOnlyList<SearchTerm> query, NodeLabel? label)
    {
        var required = new List<string>();
        foreach (var term in query)
        {
            var forms = WithoutSubsumed(term.Forms).Select(form => FormMatch(form, label)).OfType<string>().Distinct().ToList();
            if (forms.Count > 0)
            {
                required.Add(forms.Count == 1 ? forms[0] : $"({string.Join(" OR ", forms)})");
            }
        }

        return required.Count == 0 ? null : string.Join(" AND ", required);
    }

    // A form that holds another form's Chinese word adds nothing to their OR: whatever text has 管道燃气 or 燃气设施
    // has 燃气, so only 燃气 is matched (a sector's forms often repeat its name, and each costs the index a pass).
    // Only a word of two characters or more subsumes: its bigrams are then a sub-phrase of the longer run's. The
    // ranking still counts every form (ScoreTerms).
    private static List<string> WithoutSubsumed(IReadOnlyList<string> forms)
    {
        var runs = forms.Select(form => Runs(form).ToList()).ToList();
        var words = runs
            .Where(r => r is [(_, true)] && r[0].Run.EnumerateRunes().Count() >= 2)
            .Select(r => r[0].Run)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var kept = new List<string>();
        for (var i = 0; i < forms.Count; i++)
        {
            var own = runs[i] is [(var single, true)] ? single : null;
            var subsumed = words.Exists(word => word != own
                && runs[i].Exists(r => r.IsCjk && r.Run.Contains(word, StringComparison.Ordinal)));
            if (!subsumed)
            {
                kept.Add(forms[i]);
            }
        }
        return kept;
    }

    private static string? FormMatch(string form, NodeLabel? label)
    {
        var terms = new List<string>();
        foreach (var (run, isCjk) in Runs(form))
        {
            if (!isCjk)
            {
                terms.Add(Term([run], isPrefix: false, label));
                continue;
            }

            var characters = TextElements(run);
            if (characters.Count == 1)
            {
                terms.Add(Term([characters[0]], isPrefix: true, label));
                continue;
            }

            var bigrams = new List<string>();
            for (var i = 0; i + 1 < characters.Count; i++)
            {
                bigrams.Add(characters[i] + characters[i + 1]);
            }

            terms.Add(Term(bigrams, isPrefix: false, label));
        }

        return terms.Count switch
        {
            0 => null,
            1 => terms[0],
            _ => $"({string.Join(" AND ", terms)})",
        };
    }

    // Relevance of a matching text, worked out here rather than by FTS5's bm25: bm25 reads how many rows of the
    // whole index hold each term, which grows with the knowledge base even for a search in one place, and lets
    // other places' documents reorder this place's answers. Here a place's ranking depends on its own texts only:
    // bm25's saturation and length normalisation (k1 = 1.2, b = 0.75) over how often each run of the query occurs
    // in the text (the runs of ScoreTerms). Higher is better.
    public static double Score(IReadOnlyList<string> terms, string text)
    {
        const double k1 = 1.2, b = 0.75, averageLength = 40;
        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var lengthFactor = 1 - b + (b * normalised.EnumerateRunes().Count() / averageLength);
        var score = 0.0;
        foreach (var run in terms)
        {
            var occurrences = 0;
            for (var at = normalised.IndexOf(run, StringComparison.Ordinal); at >= 0; at = normalised.IndexOf(run, at + run.Length, StringComparison.Ordinal))
            {
                occurrences++;
            }

            score += occurrences * (k1 + 1) / (occurrences + (k1 * lengthFactor));
        }

        return score;
    }

    // The runs of the query's forms as Score counts them (a synonym found counts as the word), worked out once per search.
    public static IReadOnlyList<string> ScoreTerms(IReadOnlyList<SearchTerm> query) =>
        [.. query.SelectMany(t => t.Forms).SelectMany(f => Runs(f).Select(r => r.Run)).Distinct()];

    private static string Term(List<string> tokens, bool isPrefix, NodeLabel? label) =>
        $"{(label is { } one ? one + " : " : "")}\"{string.Join(' ', tokens)}\"{(isPrefix ? " *" : "")}";

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
