using System.Collections.Concurrent;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Graph.Queries;

/// <summary>The knowledge base as questions read it, kept in memory per content version: the places by exact name,
/// the sector taxonomy, the sector closures of the topics asked so far, and each place's graph
/// (<see cref="PlaceGraph"/>: its bodies, duties and roles). Every request names a place or a topic, and a thousand
/// places are too many to look up by scanning names or to re-read row by row for every question; a new snapshot is
/// built (once, by one request) when the store's content version moves, and replaces the old one whole, so a reader
/// sees one version, never a mix. Its places' graphs are then read in the background, one place at a time (a
/// question about a place not read yet reads it itself). The store stays the one source of truth: everything here is
/// the store's own answers, read through its contract and kept for as long as its content version stands.</summary>
/// <param name="readPlacesInBackground">Read every place's graph in the background once a version is taken (a
/// server, whose first questions should find them read); otherwise a place is read by the first question about it.</param>
public sealed class ReadModel(IGraphStore store, bool readPlacesInBackground = false) : IDisposable
{
    // A bound on the closures remembered per version: topics are user input.
    private const int MaxClosures = 4096;

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly TaskCompletionSource _firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Snapshot? _current;

    /// <summary>Completes once every place of a version has been read in the background (the server's warm-up), and
    /// stays completed: after a later load the new version's places are read again in the background, and a question
    /// about one not read yet reads it itself.</summary>
    public Task FirstPlacesRead => _firstRead.Task;

    /// <summary>How many places of the current version have been read, of how many.</summary>
    public (int Read, int Places) Progress => Volatile.Read(ref _current) is { } current ? (current.PlacesRead, current.Places.Count) : (0, 0);

    /// <summary>Stops the background reading and waits for a place being read to finish, so that the store can be
    /// closed after it.</summary>
    public void Dispose()
    {
        Volatile.Read(ref _current)?.Dispose();
        _building.Dispose();
    }

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
                Interlocked.Exchange(ref _current, snapshot)?.StopReading();
                if (readPlacesInBackground)
                {
                    snapshot.StartReadingPlaces(() => _firstRead.TrySetResult());
                }
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
        var places = (await store.FindAllNodesAsync(new NodeQuery(NodeLabel.Jurisdiction), cancellationToken)).OfType<Jurisdiction>().ToList();
        var taxonomy = await store.GetTaxonomyAsync(cancellationToken);
        return new Snapshot(store, version, places, taxonomy);
    }

    /// <summary>One content version's places, sectors and place graphs.</summary>
    public sealed class Snapshot : IDisposable
    {
        private readonly IGraphStore _store;
        private readonly Dictionary<string, Jurisdiction> _placesByName;
        private readonly Dictionary<string, Jurisdiction> _placesById;
        private readonly Dictionary<string, Sector> _sectorsById;
        private readonly Lazy<IReadOnlyList<Jurisdiction>> _placesInNameOrder;
        private readonly ConcurrentDictionary<string, IReadOnlyList<Sector>> _closures = new(StringComparer.Ordinal);
        // Lazy: a dictionary's value factory may run twice under contention, and a place should be read once.
        private readonly ConcurrentDictionary<string, Lazy<Task<PlaceGraph>>> _placeGraphs = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, GraphNode> _placeNodes = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _reading = new();
        private Task _placesRead = Task.CompletedTask;
        private BodyIndex? _bodies;

        internal Snapshot(IGraphStore store, long version, IReadOnlyList<Jurisdiction> places, IReadOnlyList<Sector> taxonomy)
        {
            _store = store;
            Version = version;
            Places = places;
            Taxonomy = taxonomy;
            // Should two places share a name, the first by name then id answers, as the name lookup always did.
            _placesByName = new Dictionary<string, Jurisdiction>(StringComparer.Ordinal);
            _placesById = new Dictionary<string, Jurisdiction>(StringComparer.Ordinal);
            foreach (var place in places)
            {
                _placesByName.TryAdd(place.Name, place);
                _placesById.TryAdd(place.Id, place);
            }
            _sectorsById = taxonomy.ToDictionary(s => s.Id, StringComparer.Ordinal);
            _placesInNameOrder = new(() => [.. places.OrderBy(j => j.Name, StringComparer.Ordinal).ThenBy(j => j.Id, StringComparer.Ordinal)]);
        }

        public long Version { get; }

        /// <summary>Every place, ordered by name then id.</summary>
        public IReadOnlyList<Jurisdiction> Places { get; }

        /// <summary>The whole sector taxonomy, as <see cref="IGraphStore.GetTaxonomyAsync"/> orders it.</summary>
        public IReadOnlyList<Sector> Taxonomy { get; }

        /// <summary>Every place by name then id, compared ordinally (the order answers about every place follow).</summary>
        public IReadOnlyList<Jurisdiction> PlacesInNameOrder => _placesInNameOrder.Value;

        /// <summary>The place with exactly this name (trimmed), or null.</summary>
        public Jurisdiction? Place(string name) => _placesByName.GetValueOrDefault(name.Trim());

        /// <summary>The place with this id, or null.</summary>
        public Jurisdiction? PlaceById(string id) => _placesById.GetValueOrDefault(id);

        /// <summary>The sector with this id, or null.</summary>
        public Sector? Sector(string id) => _sectorsById.GetValueOrDefault(id);

        /// <summary>A place, a sector, or a node of a place graph already read; null otherwise (the store has it,
        /// or nobody does).</summary>
        public GraphNode? KnownNode(string id)
        {
            if (_placesById.TryGetValue(id, out var place))
            {
                return place;
            }
            if (_sectorsById.TryGetValue(id, out var sector))
            {
                return sector;
            }
            return _placeNodes.GetValueOrDefault(id);
        }

        /// <summary>One place's graph, read once for this version (by the background reader or by the first question
        /// that needs it).</summary>
        public Task<PlaceGraph> PlaceGraphAsync(Jurisdiction place, CancellationToken cancellationToken = default)
        {
            var entry = _placeGraphs.GetOrAdd(place.Id, _ => new Lazy<Task<PlaceGraph>>(() => ReadPlaceAsync(place)));
            var reading = entry.Value;
            if (reading.IsFaulted || reading.IsCanceled)
            {
                // A failed read (the store unreachable for a moment) is not kept: the next question reads again.
                _placeGraphs.TryRemove(new KeyValuePair<string, Lazy<Task<PlaceGraph>>>(place.Id, entry));
            }
            return reading.WaitAsync(cancellationToken);
        }

        /// <summary>One place's graph when it has been read for this version; null while it is being read, or before.</summary>
        public PlaceGraph? PlaceGraphIfRead(Jurisdiction place) =>
            _placeGraphs.TryGetValue(place.Id, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
                ? entry.Value.Result
                : null;

        private async Task<PlaceGraph> ReadPlaceAsync(Jurisdiction place)
        {
            // Not the asker's token: other questions may be waiting on the same read.
            var graph = await PlaceGraph.ReadAsync(_store, place, Taxonomy, CancellationToken.None);
            if (await _store.GetContentVersionAsync(CancellationToken.None) != Version)
            {
                // Read after a write: it may mix two versions, so it answers this question only.
                _placeGraphs.TryRemove(place.Id, out _);
                return graph;
            }
            foreach (var node in graph.Nodes)
            {
                _placeNodes.TryAdd(node.Id, node);
            }
            return graph;
        }

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

        /// <summary>The bodies of every place as the store's <see cref="IGraphStore.FindNodesAsync"/> pages them, from
        /// the place graphs in memory: of one agency type, with a name that contains a text (ordinal), ordered by name
        /// then id as the store orders them. Null until every place of the version has been read.</summary>
        public Page<Body>? FindBodiesEverywhere(string? agencyType, string? nameContains, int skip, int take)
        {
            if ((Volatile.Read(ref _bodies) ?? IndexBodies()) is not { } index)
            {
                return null;
            }
            // The agency type's own list, so that a question about one type does not go through every body.
            var bodies = agencyType is null ? index.All : index.ByAgencyType.GetValueOrDefault(agencyType, []);
            return PlaceGraph.PageOf(bodies, agencyType, nameContains, skip, take);
        }

        /// <param name="All">Every body of every place, in the store's order.</param>
        /// <param name="ByAgencyType">The same, by agency type.</param>
        private sealed record BodyIndex(Body[] All, Dictionary<string, Body[]> ByAgencyType);

        // Every place's bodies merged in the store's order (name, then id, compared as SQLite compares text: by code
        // point, which UTF-16's ordinal order is not for characters beyond U+FFFF), once per version and only once
        // every place has been read; none before.
        private BodyIndex? IndexBodies()
        {
            var graphs = Places.Select(PlaceGraphIfRead).ToList();
            if (graphs.Contains(null))
            {
                return null;
            }
            var all = graphs.SelectMany(graph => graph!.Nodes.OfType<Body>())
                .Order(Comparer<Body>.Create((a, b) => CodePointOrder(a.Name, b.Name) is var byName and not 0 ? byName : CodePointOrder(a.Id, b.Id)))
                .ToArray();
            var byAgencyType = all.Where(b => b.AgencyType is not null)
                .GroupBy(b => b.AgencyType!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            var index = new BodyIndex(all, byAgencyType);
            return Interlocked.CompareExchange(ref _bodies, index, null) ?? index;
        }

        private static int CodePointOrder(string a, string b)
        {
            var length = Math.Min(a.Length, b.Length);
            for (var i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    // A surrogate stands for a code point above every other UTF-16 unit's.
                    return char.IsSurrogate(a[i]) == char.IsSurrogate(b[i]) ? a[i].CompareTo(b[i]) : char.IsSurrogate(a[i]) ? 1 : -1;
                }
            }
            return a.Length.CompareTo(b.Length);
        }

        /// <summary>How many of its places have been read so far.</summary>
        public int PlacesRead => _placeGraphs.Values.Count(entry => entry.IsValueCreated && entry.Value.IsCompletedSuccessfully);

        // Every place's graph, one place at a time, so that the first questions after a load find them read; stopped
        // when a newer version replaces this one.
        internal void StartReadingPlaces(Action allRead)
        {
            var token = _reading.Token;
            _placesRead = Task.Run(async () =>
            {
                foreach (var place in Places)
                {
                    if (token.IsCancellationRequested)
                    {
                        return;
                    }
                    try
                    {
                        await PlaceGraphAsync(place, token);
                    }
                    catch (Exception)
                    {
                        // A failed read is not kept: the question that needs the place reads it again and reports
                        // what goes wrong. A cancelled one means a newer version replaced this one.
                    }
                }
                allRead();
            }, token);
        }

        /// <summary>Stops the background reading of places (a newer version replaced this one); questions still
        /// holding the snapshot go on reading from it.</summary>
        internal void StopReading() => _reading.Cancel();

        /// <summary>Stops the background reading and waits (a few seconds at most) for the place being read.</summary>
        public void Dispose()
        {
            _reading.Cancel();
            try
            {
                _placesRead.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // Its failures were never kept; the store is being closed.
            }
            _reading.Dispose();
        }
    }
}
