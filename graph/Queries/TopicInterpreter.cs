using System.Text;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Queries;

/// <summary>Reads an officer's words (饭店用液化气谁管？, 学校食堂, 燃汽) as sectors of the taxonomy. Each run of letters
/// is segmented by longest match over the sector names and synonyms and the everyday phrases that imply sectors;
/// generic words (安全, 谁负责) and particles (的, 用) are read and dropped; what remains is tried as a typo within one
/// character of a known word (燃汽 → 燃气, offered as a correction), and otherwise reported as not understood, with
/// suggestions. Nothing is dropped silently: a word either names sectors, is known to add nothing, or is reported.</summary>
public sealed class TopicInterpreter
{
    private const int MaxSuggestions = 5;
    // A substituted character in a short word is only a typo when it sounds the same (燃汽 for 燃气); any one
    // substitution would read 消费 as 消防 and 学习 as 学校. From this length on, the other characters make it safe.
    private const int AnySubstitutionFrom = 4;

    private readonly Dictionary<string, Entry> _words = new(StringComparer.Ordinal);
    // A word with one character blanked out → the words that fit, for finding typos by one substitution.
    private readonly Dictionary<string, List<string>> _withOneBlank = new(StringComparer.Ordinal);
    private readonly Dictionary<char, int> _reading = [];
    private readonly HashSet<char> _particles;
    private readonly Dictionary<string, List<Sector>> _children = new(StringComparer.Ordinal);
    private readonly int _longest;

    public TopicInterpreter(TopicVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var byName = new Dictionary<string, Sector>(StringComparer.Ordinal);
        foreach (var sector in vocabulary.Sectors)
        {
            byName[sector.Name] = sector;
            if (sector.ParentId is { } parent)
            {
                if (!_children.TryGetValue(parent, out var list))
                {
                    _children[parent] = list = [];
                }
                list.Add(sector);
            }
        }

        // Taxonomy terms first: the documents' own words win over an everyday phrase written the same way.
        foreach (var sector in vocabulary.Sectors)
        {
            foreach (var term in sector.Aliases.Prepend(sector.Name))
            {
                _words.TryAdd(Normalise(term), new Entry([sector], IsTaxonomyTerm: true));
            }
        }
        foreach (var phrase in vocabulary.Phrases)
        {
            // A phrase naming a sector this taxonomy lacks (a test's small taxonomy) keeps the sectors it has.
            var sectors = phrase.SectorNames.Where(byName.ContainsKey).Select(n => byName[n]).ToList();
            if (sectors.Count > 0)
            {
                _words.TryAdd(Normalise(phrase.Words), new Entry(sectors, IsTaxonomyTerm: false));
            }
        }
        foreach (var word in vocabulary.GenericWords)
        {
            _words.TryAdd(Normalise(word), new Entry([], IsTaxonomyTerm: false));
        }

        foreach (var (word, entry) in _words)
        {
            if (entry.Sectors.Count == 0)
            {
                continue;
            }
            for (var i = 0; i < word.Length; i++)
            {
                var key = Blank(word, i);
                if (!_withOneBlank.TryGetValue(key, out var list))
                {
                    _withOneBlank[key] = list = [];
                }
                list.Add(word);
            }
        }

        for (var group = 0; group < vocabulary.Homophones.Count; group++)
        {
            foreach (var c in vocabulary.Homophones[group])
            {
                _reading.TryAdd(c, group);
            }
        }
        _particles = [.. vocabulary.Particles];
        _longest = _words.Keys.Select(k => k.Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>What the text was read as: the understood words in order, the words not understood, suggestions.</summary>
    public Interpretation Interpret(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reading = new Reading();
        foreach (var run in Runs(Normalise(text)))
        {
            Segment(run, reading);
        }

        var suggestions = reading.Unknown
            .SelectMany(Suggest)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
        return new Interpretation(text, reading.Terms, reading.Unknown.Distinct(StringComparer.Ordinal).ToList(), suggestions);
    }

    /// <summary>The topics a question asks about, as the queries take them: each sector read stands for itself and
    /// every sector under it (燃气 also means 城镇燃气). Two words for the same sector are one topic.</summary>
    public IReadOnlyList<AskedTopic> TopicsOf(Interpretation interpretation)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        return interpretation.Sectors.Select(s => new AskedTopic(s.Name, Closure(s))).ToList();
    }

    /// <summary>A sector and every sector under it.</summary>
    public IReadOnlyList<Sector> Closure(Sector sector)
    {
        ArgumentNullException.ThrowIfNull(sector);
        var result = new List<Sector> { sector };
        for (var i = 0; i < result.Count; i++)
        {
            if (_children.TryGetValue(result[i].Id, out var children))
            {
                result.AddRange(children);
            }
        }
        return result;
    }

    /// <summary>Every way the documents write a word that is itself a sector's name or synonym (燃气 → 燃气, 天然气,
    /// 液化石油气 …), for a full-text search that also finds the synonyms; null for any other word.</summary>
    public IReadOnlyList<string>? FormsOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _words.TryGetValue(Normalise(word).Trim(), out var entry) && entry.IsTaxonomyTerm
            ? entry.Sectors[0].Aliases.Prepend(entry.Sectors[0].Name).Distinct(StringComparer.Ordinal).ToList()
            : null;
    }

    /// <summary>Sector names close to a word: those whose terms contain it first, then those sharing the most
    /// characters with it (a word of three or more characters must share two, so 北京市 is not offered 超市).</summary>
    public IReadOnlyList<string> Suggest(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var normalised = Normalise(word).Trim();
        var characters = normalised.Where(c => !_particles.Contains(c)).ToHashSet();
        if (characters.Count == 0)
        {
            return [];
        }
        var needed = characters.Count >= 3 ? 2 : 1;
        return _words
            .Where(kv => kv.Value.Sectors.Count > 0)
            .Select(kv => (Term: kv.Key, kv.Value.Sectors, Contains: kv.Key.Contains(normalised, StringComparison.Ordinal),
                Shared: kv.Key.Distinct().Count(characters.Contains)))
            .Where(c => c.Contains || c.Shared >= needed)
            .OrderByDescending(c => c.Contains)
            .ThenByDescending(c => c.Shared)
            .ThenBy(c => c.Term.Length)
            .ThenBy(c => c.Term, StringComparer.Ordinal)
            .SelectMany(c => c.Sectors.Select(s => s.Name))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
    }

    // Longest known word at each position; what lies between known words is the remainder.
    private void Segment(string run, Reading reading)
    {
        var rest = new StringBuilder();
        for (var i = 0; i < run.Length;)
        {
            var length = Math.Min(_longest, run.Length - i);
            while (length >= 2 && !_words.ContainsKey(run.Substring(i, length)))
            {
                length--;
            }
            if (length < 2)
            {
                rest.Append(run[i]);
                i++;
                continue;
            }
            Remainder(rest.ToString(), reading);
            rest.Clear();
            var words = run.Substring(i, length);
            if (_words[words].Sectors is { Count: > 0 } sectors)
            {
                reading.Terms.Add(new InterpretedTerm(words, sectors));
            }
            i += length;
        }
        Remainder(rest.ToString(), reading);
    }

    // Unmatched characters: particles are dropped; the longest stretch that is a typo of a known word is read as
    // that word (the parts before and after it tried again); whatever is left is not understood.
    private void Remainder(string rest, Reading reading)
    {
        if (rest.All(_particles.Contains))
        {
            return;
        }
        for (var length = rest.Length; length >= 2; length--)
        {
            for (var start = 0; start + length <= rest.Length; start++)
            {
                var typed = rest.Substring(start, length);
                if (Correction(typed) is not { } corrected)
                {
                    continue;
                }
                Remainder(rest[..start], reading);
                reading.Terms.Add(new InterpretedTerm(corrected, _words[corrected].Sectors, typed));
                Remainder(rest[(start + length)..], reading);
                return;
            }
        }
        var unknown = rest.Trim([.. _particles]);
        if (unknown.Length > 0)
        {
            reading.Unknown.Add(unknown);
        }
    }

    // The known word one substituted character away, when every such word reads as the same sectors.
    private string? Correction(string typed)
    {
        var candidates = new List<string>();
        for (var i = 0; i < typed.Length; i++)
        {
            if (!_withOneBlank.TryGetValue(Blank(typed, i), out var words))
            {
                continue;
            }
            candidates.AddRange(words.Where(w => w[i] != typed[i]
                && (typed.Length >= AnySubstitutionFrom || SoundAlike(w[i], typed[i]))));
        }
        if (candidates.Count == 0)
        {
            return null;
        }
        var readings = candidates.Select(c => string.Join('|', _words[c].Sectors.Select(s => s.Id))).Distinct().Count();
        return readings == 1
            ? candidates.OrderByDescending(c => _words[c].IsTaxonomyTerm).ThenBy(c => c, StringComparer.Ordinal).First()
            : null;
    }

    private bool SoundAlike(char a, char b) =>
        _reading.TryGetValue(a, out var x) && _reading.TryGetValue(b, out var y) && x == y;

    private static string Blank(string word, int at) => string.Concat(word.AsSpan(0, at), "\0", word.AsSpan(at + 1));

    // Full-width letters and digits as ordinary ones, Latin in lower case.
    private static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    // Runs of letters and digits: punctuation and spaces (？ ， 、) separate words and are never part of one.
    private static IEnumerable<string> Runs(string text)
    {
        var run = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Append(c);
            }
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }
        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }

    private sealed record Entry(IReadOnlyList<Sector> Sectors, bool IsTaxonomyTerm);

    private sealed class Reading
    {
        public List<InterpretedTerm> Terms { get; } = [];
        public List<string> Unknown { get; } = [];
    }
}
