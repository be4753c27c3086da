using System.Collections.Concurrent;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>Answers computed from the store, kept while the store's content version stays the same. The knowledge
/// base changes only when a document is loaded, so the same question asked again costs one cheap store call
/// (the version) instead of the several reads and the ranking that answered it the first time. Answers are
/// immutable records, shared by every request that asks. Turned off (<paramref name="enabled"/> false), every
/// question is computed afresh: what a stream of distinct questions costs (bench/run-load.sh).</summary>
public sealed class AnswerCache(IGraphStore store, bool enabled = true)
{
    // A bound on entries: a question's key is bounded by the API's argument limits.
    private const int MaxEntries = 4096;

    private Generation _current = new(long.MinValue);

    public async Task<T> GetOrComputeAsync<T>(string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        if (!enabled)
        {
            return await compute();
        }
        var version = await store.GetContentVersionAsync(cancellationToken);
        var generation = Volatile.Read(ref _current);
        if (generation.Version != version)
        {
            // Older answers are dropped whole; a reader still holding the old generation only fills it.
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
        }
        if (generation.Answers.TryGetValue(key, out var known) && known is T answer)
        {
            return answer;
        }

        var computed = await compute();
        // Kept only if nothing was written while computing: otherwise it may mix two versions' reads.
        if (generation.Version == version
            && await store.GetContentVersionAsync(cancellationToken) == version
            && generation.Answers.Count < MaxEntries)
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
