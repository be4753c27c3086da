using System.Collections.Concurrent;

namespace SafetyDuty.Graph.Queries;

/// <summary>Answers computed from one content version's read model (<see cref="ReadModel.Snapshot"/>), kept while
/// that version stands. The knowledge base changes only when a document is loaded, so the same question asked again
/// costs a lookup instead of the ranking that answered it the first time. Answers are immutable records, shared by
/// every request that asks. Turned off (<paramref name="enabled"/> false), every question is computed afresh: what a
/// stream of distinct questions costs (bench/run-load.sh).</summary>
public sealed class AnswerCache(bool enabled = true)
{
    // A bound on entries: a question's key is bounded by the API's argument limits.
    private const int MaxEntries = 4096;

    private Generation _current = new(long.MinValue);

    /// <param name="version">The content version of the snapshot the answer is computed from.</param>
    /// <param name="keyOf">The question's key, worked out only when answers are kept (a whole comparison's key
    /// names every sector of the taxonomy).</param>
    public async Task<T> GetOrComputeAsync<T>(long version, Func<string> keyOf, Func<Task<T>> compute)
        where T : class
    {
        if (!enabled)
        {
            return await compute();
        }
        var key = keyOf();
        var generation = Volatile.Read(ref _current);
        if (generation.Version != version)
        {
            // Older answers are dropped whole; a reader still holding the old generation only fills it.
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
        }
        // A reader that lost the race to a reader of another version holds that version's generation: not its answers.
        if (generation.Version == version && generation.Answers.TryGetValue(key, out var known) && known is T answer)
        {
            return answer;
        }

        var computed = await compute();
        // A snapshot is one version, so its answer is that version's; a reader of an older version only fills its own.
        if (generation.Version == version && generation.Answers.Count < MaxEntries)
        {
            generation.Answers.TryAdd(key, computed);
        }
        return computed;
    }

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<string, object> Answers { get; } = new(StringComparer.Ordinal);
    }
}
