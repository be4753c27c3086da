using GraphQL;
using GraphQL.DataLoader;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Schema;

/// <summary>Per-request batching of reads. Resolvers ask for a node or a node's neighbours and get a deferred
/// result; GraphQL.NET's execution strategy resolves every deferred result of one level only after the whole level
/// has asked, so the first one to run fetches the keys of all of them at once. What the read model of the request's
/// content version holds (places, sectors, the nodes of the places read, a body's duties and roles) is answered from
/// it; the rest in one store call per level. A request therefore makes a number of store calls bounded by its depth,
/// not by its number of results, and sees one content version.</summary>
public sealed class GraphBatchLoader(IGraphStore store, ReadModel model)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(EdgeType, Direction, string), IReadOnlyList<GraphNode>> _neighbours = [];
    private Batch? _pendingNodes;
    private Task<ReadModel.Snapshot>? _snapshot;
    private readonly Dictionary<(EdgeType, Direction), Batch> _pendingNeighbours = [];

    public static GraphBatchLoader Of(IResolveFieldContext context) =>
        (context.RequestServices ?? throw new InvalidOperationException("No request services: the endpoint sets them."))
            .GetRequiredService<GraphBatchLoader>();

    /// <summary>The node with this id (null when unknown), cast to the expected label.</summary>
    public IDataLoaderResult<T?> Node<T>(string? id)
        where T : GraphNode
    {
        if (id is null)
        {
            return new Deferred<T?>(_ => Task.FromResult<T?>(null));
        }
        lock (_lock)
        {
            if (_nodes.TryGetValue(id, out var known))
            {
                return new Deferred<T?>(_ => Task.FromResult(known as T));
            }
            if (_pendingNodes is null || _pendingNodes.IsStarted)
            {
                _pendingNodes = new Batch(FetchNodesAsync);
            }
            var batch = _pendingNodes;
            batch.Keys.Add(id);
            return new Deferred<T?>(async cancellationToken =>
            {
                await batch.RunAsync(_lock, cancellationToken);
                lock (_lock)
                {
                    return _nodes.GetValueOrDefault(id) as T;
                }
            });
        }
    }

    /// <summary>The node with this id, cast to the expected label: at once when the request's snapshot of the read
    /// model already holds it (GraphQL.NET then completes the field without a deferred result), else as
    /// <see cref="Node{T}"/> does, with the level's batch.</summary>
    public object? NodeOrDeferred<T>(string? id)
        where T : GraphNode =>
        id is not null && KnownNow(id) is { } node ? node as T : Node<T>(id);

    // A node this request has fetched, or one its snapshot (once taken) holds in memory; null when it would take a read.
    private GraphNode? KnownNow(string id)
    {
        lock (_lock)
        {
            if (_nodes.TryGetValue(id, out var known))
            {
                return known;
            }
        }
        return SnapshotTaken()?.KnownNode(id);
    }

    private ReadModel.Snapshot? SnapshotTaken()
    {
        Task<ReadModel.Snapshot>? snapshot;
        lock (_lock)
        {
            snapshot = _snapshot;
        }
        return snapshot is { IsCompletedSuccessfully: true } ? snapshot.Result : null;
    }

    /// <summary>A node's neighbours as <see cref="Neighbours{T}"/> gives them: at once when the place's graph already
    /// read answers them (a duty's sectors, a body's duties and sectors), else deferred with the level's batch.</summary>
    public object NeighboursOrDeferred<T>(string id, EdgeType type, Direction direction)
        where T : GraphNode
    {
        if (SnapshotTaken() is { } snapshot
            && PlaceAnswering(snapshot, id, type, direction) is { } place
            && snapshot.PlaceGraphIfRead(place) is { } graph)
        {
            return InReadingOrder(FromPlaceGraph(snapshot, graph, id, type)).OfType<T>().ToList();
        }
        return Neighbours<T>(id, type, direction);
    }

    /// <summary>The nodes at the other end of a node's relationships of one type, in the store's order, without repeats.</summary>
    public IDataLoaderResult<IReadOnlyList<T>> Neighbours<T>(string id, EdgeType type, Direction direction)
        where T : GraphNode
    {
        lock (_lock)
        {
            if (_neighbours.TryGetValue((type, direction, id), out var known))
            {
                return new Deferred<IReadOnlyList<T>>(_ => Task.FromResult<IReadOnlyList<T>>(known.OfType<T>().ToList()));
            }
            if (!_pendingNeighbours.TryGetValue((type, direction), out var batch) || batch.IsStarted)
            {
                _pendingNeighbours[(type, direction)] = batch = new Batch((keys, ct) => FetchNeighboursAsync(keys, type, direction, ct));
            }
            batch.Keys.Add(id);
            return new Deferred<IReadOnlyList<T>>(async cancellationToken =>
            {
                await batch.RunAsync(_lock, cancellationToken);
                lock (_lock)
                {
                    return _neighbours.TryGetValue((type, direction, id), out var found) ? found.OfType<T>().ToList() : [];
                }
            });
        }
    }

    /// <summary>The sectors a body assists on and does not lead: RoleModel's rule that a body both leading and
    /// assisting on a sector leads it. Both lists come from the batched neighbour reads.</summary>
    public IDataLoaderResult<IReadOnlyList<Sector>> AssistsNotLed(string bodyId)
    {
        var leads = Neighbours<Sector>(bodyId, EdgeType.Lead, Direction.Outgoing);
        var assists = Neighbours<Sector>(bodyId, EdgeType.Assist, Direction.Outgoing);
        return new Deferred<IReadOnlyList<Sector>>(async cancellationToken =>
        {
            var led = (await leads.GetResultAsync(cancellationToken)).Select(s => s.Id).ToHashSet();
            return [.. (await assists.GetResultAsync(cancellationToken)).Where(s => !led.Contains(s.Id))];
        });
    }

    /// <summary>The read model's snapshot for the request, taken once: every field of a request answers from one
    /// content version, at the cost of one version read.</summary>
    public Task<ReadModel.Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _snapshot ??= model.CurrentAsync(cancellationToken);
        }
    }

    private async Task FetchNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        var known = ids.Select(snapshot.KnownNode).OfType<GraphNode>().ToList();
        var missing = ids.Except(known.Select(n => n.Id), StringComparer.Ordinal).ToList();
        var nodes = missing.Count == 0 ? [] : await store.GetNodesAsync(missing, cancellationToken);
        lock (_lock)
        {
            foreach (var node in known.Concat(nodes))
            {
                _nodes[node.Id] = node;
            }
        }
    }

    // A body's or a leader's duties, a body's sectors by its role in them (RoleModel) and the sectors a duty covers,
    // from the place's graph; null where the read model does not answer (another kind of relationship, a node it
    // does not know).
    private async Task<IReadOnlyList<GraphNode>?> FromPlaceGraphAsync(
        ReadModel.Snapshot snapshot, string id, EdgeType type, Direction direction, CancellationToken cancellationToken)
    {
        if (PlaceAnswering(snapshot, id, type, direction) is not { } place)
        {
            return null;
        }
        return FromPlaceGraph(snapshot, await snapshot.PlaceGraphAsync(place, cancellationToken), id, type);
    }

    // The place whose graph holds a node's relationships of this kind; null where the read model does not answer.
    private Jurisdiction? PlaceAnswering(ReadModel.Snapshot snapshot, string id, EdgeType type, Direction direction)
    {
        if (direction != Direction.Outgoing || type is not (EdgeType.HasDuty or EdgeType.Lead or EdgeType.Assist or EdgeType.Covers))
        {
            return null;
        }
        GraphNode? node;
        lock (_lock)
        {
            node = _nodes.GetValueOrDefault(id);
        }
        var placeId = (node ?? snapshot.KnownNode(id)) switch
        {
            Body body when type != EdgeType.Covers => body.JurisdictionId,
            Leader leader when type == EdgeType.HasDuty => leader.JurisdictionId,
            Duty duty when type == EdgeType.Covers => duty.JurisdictionId,
            _ => null,
        };
        return placeId is null ? null : snapshot.PlaceById(placeId);
    }

    private static IReadOnlyList<GraphNode> FromPlaceGraph(ReadModel.Snapshot snapshot, PlaceGraph graph, string id, EdgeType type)
    {
        return type switch
        {
            EdgeType.HasDuty => graph.DutiesOf(id),
            EdgeType.Lead => SectorsOf(Role.Lead),
            EdgeType.Assist => SectorsOf(Role.Assist),
            _ => [.. graph.Roles.SectorsOfDuty[id].Distinct().Select(snapshot.Sector).OfType<Sector>()],
        };

        List<GraphNode> SectorsOf(Role role) => [.. graph.Roles.OfBody(id)
            .Where(r => r.Role == role)
            .Select(r => snapshot.Sector(r.SectorId))
            .OfType<Sector>()];
    }

    private async Task FetchNeighboursAsync(IReadOnlyCollection<string> ids, EdgeType type, Direction direction, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        var answered = new Dictionary<string, IReadOnlyList<GraphNode>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await FromPlaceGraphAsync(snapshot, id, type, direction, cancellationToken) is { } neighbours)
            {
                answered[id] = neighbours;
            }
        }
        // The rest from the store, in one call (none when the read model answered them all).
        List<string> rest = [.. ids.Where(id => !answered.ContainsKey(id))];
        var edges = rest.Count == 0 ? [] : await store.GetEdgesAsync(rest, type, direction, cancellationToken: cancellationToken);
        string FarEnd(GraphEdge edge) => direction == Direction.Outgoing ? edge.ToId : edge.FromId;
        string NearEnd(GraphEdge edge) => direction == Direction.Outgoing ? edge.FromId : edge.ToId;

        List<string> missing;
        lock (_lock)
        {
            missing = edges.Select(FarEnd).Where(id => !_nodes.ContainsKey(id)).Distinct().ToList();
        }
        if (missing.Count > 0)
        {
            await FetchNodesAsync(missing, cancellationToken);
        }
        lock (_lock)
        {
            var byNear = edges.ToLookup(NearEnd);
            foreach (var id in ids)
            {
                _neighbours[(type, direction, id)] = InReadingOrder(answered.TryGetValue(id, out var neighbours)
                    ? neighbours
                    : byNear[id].Select(FarEnd).Distinct().Select(far => _nodes.GetValueOrDefault(far)).OfType<GraphNode>());
            }
        }
    }

    private static List<GraphNode> InReadingOrder(IEnumerable<GraphNode> nodes) => nodes
        .OrderBy(DocumentPosition)
        .ThenBy(node => node.DisplayName, StringComparer.Ordinal)
        .ToList();

    // Lists read in document order: a body's duties as the document numbers them, a place's bodies as they appear.
    private static (string Document, int Start) DocumentPosition(GraphNode node) => node switch
    {
        Duty duty => (duty.DocumentId, duty.Source.Start),
        Body { Source: { } source } => (source.DocumentId, source.Start),
        Leader { Source: { } source } => (source.DocumentId, source.Start),
        _ => ("", 0),
    };

    /// <summary>The keys asked for before the first of them was needed; fetched once.</summary>
    private sealed class Batch(Func<IReadOnlyCollection<string>, CancellationToken, Task> fetch)
    {
        private Task? _task;

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public bool IsStarted => _task is not null;

        public async Task RunAsync(Lock gate, CancellationToken cancellationToken)
        {
            TaskCompletionSource run;
            Task? running;
            lock (gate)
            {
                running = _task;
                run = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _task ??= run.Task;
            }
            if (running is not null)
            {
                await running;
                return;
            }
            // The store is called outside the lock: other resolvers of the request may queue keys for the next batch meanwhile.
            try
            {
                await fetch(Keys, cancellationToken);
                run.SetResult();
            }
            catch (Exception exception)
            {
                run.SetException(exception);
                throw;
            }
        }
    }

    private sealed class Deferred<T>(Func<CancellationToken, Task<T>> resolve) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => resolve(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await resolve(cancellationToken);
    }
}
