namespace SafetyDuty.Seed.Vocabulary;

/// <summary>A term found in a text: where it starts and how many characters of the text it spans.</summary>
public readonly record struct TermHit<T>(T Value, string Term, int Start, int Length);

/// <summary>Aho-Corasick automaton over a fixed set of terms, built once and shared by every lookup.
/// Whitespace in the scanned text is transparent: documents converted from Word break lines mid-word
/// (监督管\n理), and a term split that way must still be found, its span covering the break.</summary>
public sealed class TermMatcher<T>
{
    private readonly List<Dictionary<char, int>> _next = [new()];
    private readonly List<int> _fail = [0];
    // Terms ending at each state, including those reached through failure links, longest first.
    private readonly List<List<(string Term, T Value)>> _output = [[]];
    // Characters that occur in some term. Most characters of a duty text occur in none: the scan resets on them
    // without walking failure links.
    private readonly bool[] _inAlphabet = new bool[char.MaxValue + 1];
    private readonly int _longestTerm = 1;

    public TermMatcher(IEnumerable<(string Term, T Value)> terms)
    {
        foreach (var (term, value) in terms)
        {
            if (term.Length == 0)
            {
                continue;
            }

            _longestTerm = Math.Max(_longestTerm, term.Length);
            var state = 0;
            foreach (var c in term)
            {
                _inAlphabet[c] = true;
                if (!_next[state].TryGetValue(c, out var to))
                {
                    to = _next.Count;
                    _next.Add([]);
                    _fail.Add(0);
                    _output.Add([]);
                    _next[state][c] = to;
                }

                state = to;
            }

            _output[state].Add((term, value));
        }

        BuildFailureLinks();
    }

    private void BuildFailureLinks()
    {
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values)
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in _next[state])
            {
                var f = _fail[state];
                while (f != 0 && !_next[f].ContainsKey(c))
                {
                    f = _fail[f];
                }

                _fail[child] = _next[f].TryGetValue(c, out var to) && to != child ? to : 0;
                _output[child].AddRange(_output[_fail[child]]);
                queue.Enqueue(child);
            }
        }

        foreach (var outputs in _output)
        {
            outputs.Sort((a, b) => b.Term.Length.CompareTo(a.Term.Length));
        }
    }

    /// <summary>Every occurrence of every term, overlapping ones included, in order of their end.</summary>
    public List<TermHit<T>> FindAll(string text)
    {
        var hits = new List<TermHit<T>>(16);
        // Original positions of the last characters scanned (as many as the longest term), to map a term back to its
        // span across skipped whitespace.
        Span<int> positions = _longestTerm <= 256 ? stackalloc int[_longestTerm] : new int[_longestTerm];
        var scanned = 0;
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!_inAlphabet[c])
            {
                // No term contains c, so no match spans it.
                state = 0;
                continue;
            }

            positions[scanned % _longestTerm] = i;
            scanned++;
            int to;
            while (!_next[state].TryGetValue(c, out to))
            {
                if (state == 0)
                {
                    break;
                }

                state = _fail[state];
            }

            state = to;
            foreach (var (term, value) in _output[state])
            {
                var start = positions[(scanned - term.Length) % _longestTerm];
                hits.Add(new TermHit<T>(value, term, start, i + 1 - start));
            }
        }

        return hits;
    }

    /// <summary>Non-overlapping occurrences, longest terms first (非煤矿山 wins over 煤矿 inside it), then leftmost;
    /// returned in text order.</summary>
    public List<TermHit<T>> FindLongest(string text)
    {
        var all = FindAll(text);
        all.Sort((a, b) => a.Term.Length != b.Term.Length ? b.Term.Length.CompareTo(a.Term.Length) : a.Start.CompareTo(b.Start));
        var taken = new List<TermHit<T>>();
        foreach (var hit in all)
        {
            if (!taken.Exists(t => t.Start < hit.Start + hit.Length && hit.Start < t.Start + t.Length))
            {
                taken.Add(hit);
            }
        }

        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }
}
