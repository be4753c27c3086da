using System.Globalization;
using System.Text;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Sqlite;

// Chinese full text without a Chinese tokenizer. SQLite's trigram tokenizer cannot match a query shorter than three
// characters, and 燃气, 餐饮, 消防 are two. So the index holds every run of CJK characters as overlapping bigrams
// (燃气安全 → 燃气 气安 安全) and a query is the phrase of its own bigrams, which FTS5 matches at consecutive
// positions. The last character of each run is also indexed alone: a one-character query becomes a prefix query
// that then finds every occurrence (as the first half of a bigram, or as a run's last character). Other letters
// and digits are indexed as lower-case words. Text is NFKC-normalised first so full-width ＡＢＣ１２３ match ABC123.
internal static class SearchGrams
{
    // A column filter for the columns of every label (not the place column).
    private static readonly string AllLabelColumns = "{" + string.Join(' ', Enum.GetNames<NodeLabel>()) + "}";

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

    // The same grams scoped to one place and label: each token prefixed with a letter for the label and the place's
    // number (places.code), ended by x (never a digit, so no two places or labels ever share a token). A search in
    // one place then reads, counts and ranks only that place's postings, whatever the size of the rest.
    public static string ForPlace(string grams, NodeLabel label, long placeCode)
    {
        var prefix = PlacePrefix(label, placeCode);
        return string.Join(' ', grams.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(token => prefix + token));
    }

    // The FTS5 match expression: every run of the query must occur (AND). A label is a column filter (the label's
    // own column) and a place is the place column's prefixed tokens; neither is an extra phrase, so bm25 never
    // counts the postings of a whole label or place. Null when the query has nothing searchable in it. Tokens are
    // letters and digits only, so quoting them is safe.
    public static string? ToMatch(string query, NodeLabel? label, long? placeCode)
    {
        var terms = new List<string>();
        foreach (var (run, isCjk) in Runs(query))
        {
            if (!isCjk)
            {
                terms.Add(Term([run], isPrefix: false, label, placeCode));
                continue;
            }

            var characters = TextElements(run);
            if (characters.Count == 1)
            {
                terms.Add(Term([characters[0]], isPrefix: true, label, placeCode));
                continue;
            }

            var bigrams = new List<string>();
            for (var i = 0; i + 1 < characters.Count; i++)
            {
                bigrams.Add(characters[i] + characters[i + 1]);
            }

            terms.Add(Term(bigrams, isPrefix: false, label, placeCode));
        }

        return terms.Count == 0 ? null : string.Join(" AND ", terms);
    }

    private static string Term(List<string> tokens, bool isPrefix, NodeLabel? label, long? placeCode)
    {
        if (placeCode is not { } code)
        {
            return $"{(label is { } one ? one.ToString() : AllLabelColumns)} : {Phrase(tokens, "", isPrefix)}";
        }

        var labels = label is { } only ? [only] : Enum.GetValues<NodeLabel>();
        return "(" + string.Join(" OR ", labels.Select(l => $"place : {Phrase(tokens, PlacePrefix(l, code), isPrefix)}")) + ")";
    }

    private static string Phrase(List<string> tokens, string prefix, bool isPrefix) =>
        "\"" + string.Join(' ', tokens.Select(token => prefix + token)) + "\"" + (isPrefix ? " *" : "");

    private static string PlacePrefix(NodeLabel label, long placeCode) =>
        (char)('a' + (int)label) + placeCode.ToString(CultureInfo.InvariantCulture) + "x";

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
