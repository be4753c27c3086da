using GraphQL;
using GraphQL.DataLoader;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Schema;

/// <summary>Per-request batching of store reads. Resolvers ask for a node or a node's neighbours and get a deferred
/// result; GraphQL.NET's execution strategy resolves every deferred result of one level only after the whole level
/// has asked, so the first one to run fetches the keys of all of them in one store call. A request therefore makes
/// a number of store calls bounded by its depth, not by its number of results.</summary>
public sealed class GraphBatchLoader(IGraphStore store)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(EdgeType, Direction, string), IReadOnlyList<GraphNode>> _neighbours = [];
    private Batch? _pendingNodes;
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

    private async Task FetchNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var nodes = await store.GetNodesAsync(ids, cancellationToken);
        lock (_lock)
        {
            foreach (var node in nodes)
            {
                _nodes[node.Id] = node;
            }
        }
    }

    private async Task FetchNeighboursAsync(IReadOnlyCollection<string> ids, EdgeType type, Direction direction, CancellationToken cancellationToken)
    {
        var edges = await store.GetEdgesAsync(ids, type, direction, cancellationToken: cancellationToken);
        string FarEnd(GraphEdge edge) => direction == Direction.Outgoing ? edge.ToId : edge.FromId;
        string NearEnd(GraphEdge edge) => direction == Direction.Outgoing ? edge.FromId : edge.ToId;

        List<string> missing;
        lock (_lock)
        {
            missing = edges.Select(FarEnd).Where(id => !_nodes.ContainsKey(id)).Distinct().ToList();
        }
        var nodes = missing.Count == 0 ? [] : await store.GetNodesAsync(missing, cancellationToken);
        lock (_lock)
        {
            foreach (var node in nodes)
            {
                _nodes[node.Id] = node;
            }
            var byNear = edges.ToLookup(NearEnd);
            foreach (var id in ids)
            {
                _neighbours[(type, direction, id)] = byNear[id]
                    .Select(FarEnd)
                    .Distinct()
                    .Select(far => _nodes.GetValueOrDefault(far))
                    .OfType<GraphNode>()
                    .OrderBy(DocumentPosition)
                    .ThenBy(node => node.DisplayName, StringComparer.Ordinal)
                    .ToList();
            }
        }
    }

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
