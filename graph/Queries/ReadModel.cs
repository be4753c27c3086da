using System.Collections.Concurrent;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>What nearly every question reads before its own work, kept in memory per content version: the places by
/// exact name, the sector taxonomy, and the sector closures of the topics asked so far. Every request names a place
/// or a topic, and a thousand places are too many to look up by scanning names; a new snapshot is built (once, by
/// one request) when the store's content version moves, and replaces the old one whole, so a reader sees one
/// version's places and sectors, never a mix. The store stays the one source of truth: closures are the store's
/// own answers (<see cref="IGraphStore.GetSectorClosureAsync"/>), only remembered.</summary>
public sealed class ReadModel(IGraphStore store) : IDisposable
{
    // Places are read in pages of this size, so that each store call stays bounded however many places there are.
    private const int PageSize = 1000;

    // A bound on the closures remembered per version: topics are user input.
    private const int MaxClosures = 4096;

    private readonly SemaphoreSlim _building = new(1, 1);
    private Snapshot? _current;

    public void Dispose() => _building.Dispose();

    /// <summary>The snapshot of the store's current content version.</summary>
    public async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var version = await store.GetContentVersionAsync(cancellationToken);
        if (Volatile.Read(ref _current) is { } current && current.Version == version)
        {
            return current;
        }

        // One request builds it; the others arriving meanwhile wait for it rather than read the places again.
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _current) is { } built && built.Version == version)
            {
                return built;
            }
            var snapshot = await BuildAsync(version, cancellationToken);
            // Published only if nothing was written while it was read: otherwise it may mix two versions.
            if (await store.GetContentVersionAsync(cancellationToken) == version)
            {
                Volatile.Write(ref _current, snapshot);
            }
            return snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task<Snapshot> BuildAsync(long version, CancellationToken cancellationToken)
    {
        var places = new List<Jurisdiction>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await store.FindNodesAsync(new NodeQuery(NodeLabel.Jurisdiction, Skip: skip, Take: PageSize), cancellationToken);
            places.AddRange(page.Items.OfType<Jurisdiction>());
            if (page.Items.Count < PageSize || skip + PageSize >= page.TotalCount)
            {
                break;
            }
        }
        var taxonomy = await store.GetTaxonomyAsync(cancellationToken);
        return new Snapshot(store, version, places, taxonomy);
    }

    /// <summary>One content version's places and sectors.</summary>
    public sealed class Snapshot
    {
        private readonly IGraphStore _store;
        private readonly Dictionary<string, Jurisdiction> _placesByName;
        private readonly ConcurrentDictionary<string, IReadOnlyList<Sector>> _closures = new(StringComparer.Ordinal);

        internal Snapshot(IGraphStore store, long version, IReadOnlyList<Jurisdiction> places, IReadOnlyList<Sector> taxonomy)
        {
            _store = store;
            Version = version;
            Places = places;
            Taxonomy = taxonomy;
            // Should two places share a name, the first by name then id answers, as the name lookup always did.
            _placesByName = new Dictionary<string, Jurisdiction>(StringComparer.Ordinal);
            foreach (var place in places)
            {
                _placesByName.TryAdd(place.Name, place);
            }
        }

        public long Version { get; }

        /// <summary>Every place, ordered by name then id.</summary>
        public IReadOnlyList<Jurisdiction> Places { get; }

        /// <summary>The whole sector taxonomy, as <see cref="IGraphStore.GetTaxonomyAsync"/> orders it.</summary>
        public IReadOnlyList<Sector> Taxonomy { get; }

        /// <summary>The place with exactly this name (trimmed), or null.</summary>
        public Jurisdiction? Place(string name) => _placesByName.GetValueOrDefault(name.Trim());

        /// <summary>The store's sector closure of a topic, read once per version.</summary>
        public async Task<IReadOnlyList<Sector>> SectorClosureAsync(string topic, CancellationToken cancellationToken = default)
        {
            var key = topic.Trim();
            if (_closures.TryGetValue(key, out var known))
            {
                return known;
            }
            var closure = await _store.GetSectorClosureAsync(key, cancellationToken);
            // Kept only if the store still holds this version: a closure read after a write belongs to the next one.
            if (_closures.Count < MaxClosures && await _store.GetContentVersionAsync(cancellationToken) == Version)
            {
                _closures.TryAdd(key, closure);
            }
            return closure;
        }
    }
}
