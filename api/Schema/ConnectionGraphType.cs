using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Schema;

/// <summary>One page of a Relay connection: the nodes, the total before paging and where the page starts; for a
/// search, where each node's text matched.</summary>
public sealed record Connection<T>(IReadOnlyList<T> Nodes, int TotalCount, int Offset, Func<T, IReadOnlyList<TextSpan>>? Highlight = null)
    where T : GraphNode
{
    /// <summary>The page's information, its cursors made for the given content version.</summary>
    public PageInfo PageInfoAt(long contentVersion) => new(
        HasNextPage: Offset + Nodes.Count < TotalCount,
        HasPreviousPage: Offset > 0,
        StartCursor: Nodes.Count == 0 ? null : Cursor.Encode(contentVersion, Offset),
        EndCursor: Nodes.Count == 0 ? null : Cursor.Encode(contentVersion, Offset + Nodes.Count - 1));
}

/// <summary>Relay page information.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>One node of a connection, its cursor, and for a search where its text matched.</summary>
public sealed record ConnectionEdge<T>(string Cursor, T Node, IReadOnlyList<TextSpan> Highlights)
    where T : GraphNode;

/// <summary>Relay paging arguments: <c>first</c> (default 20, at most 100) and <c>after</c> (an opaque cursor).</summary>
public readonly record struct Paging(int Skip, int Take)
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 100;

    public static async Task<Paging> FromAsync(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultFirst;
        if (first is < 0 or > MaxFirst)
        {
            throw RequestErrors.InvalidArgument($"first 须在 0 到 {MaxFirst} 之间 (first must be between 0 and {MaxFirst}).");
        }
        var after = context.GetArgument<string?>("after");
        return new Paging(after is null ? 0 : Cursor.Decode(after, await Cursor.ContentVersionOfAsync(context)) + 1, first);
    }
}

/// <summary>Opaque cursors: the base64 of a position and of the content version it was given at, so clients do
/// not build them. A position means something only in the content it was counted in: after a load, the same
/// position may name another item, so a cursor of an earlier version is refused with <c>CURSOR_EXPIRED</c>
/// rather than repeat or skip items.</summary>
public static class Cursor
{
    public const string ExpiredCode = "CURSOR_EXPIRED";

    // Cursors given before content versions were part of them: still read, without the check.
    private const string LegacyPrefix = "offset:";
    private const string Prefix = "v";

    public static string Encode(long contentVersion, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            Prefix + contentVersion.ToString(CultureInfo.InvariantCulture) + ":" + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string cursor, long contentVersion)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(LegacyPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(LegacyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var legacy))
            {
                return legacy;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && colon > 0
                && long.TryParse(text.AsSpan(Prefix.Length, colon - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return version == contentVersion
                    ? offset
                    : throw new ExecutionError(
                        "知识库在给出这个游标之后已更新（文件被加载或移除），请从第一页重新开始 "
                        + "(the knowledge base changed since this cursor was given; start again from the first page).")
                    { Code = ExpiredCode };
            }
        }
        catch (FormatException)
        {
            // Falls through to the client error below: a malformed cursor is the client's mistake, not ours.
        }
        throw RequestErrors.InvalidArgument("after 不是有效的游标 (after is not a valid cursor).");
    }

    /// <summary>The content version the request began at (see <see cref="Http.GraphQLUserContext"/>).</summary>
    public static Task<long> ContentVersionOfAsync(IResolveFieldContext context) =>
        (context?.UserContext as Http.GraphQLUserContext)?.ContentVersionAsync() ?? Task.FromResult(0L);
}

/// <summary>GraphQL type <c>XxxConnection</c> for a node type <c>Xxx</c>.</summary>
public sealed class ConnectionGraphType<TNodeGraphType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeGraphType : IGraphType
    where TNode : GraphNode
{
    public ConnectionGraphType()
    {
        var nodeName = typeof(TNodeGraphType).Name.Replace("GraphType", "", StringComparison.Ordinal);
        Name = nodeName + "Connection";
        Description = $"{nodeName} 的分页列表（Relay 连接）(a Relay connection of {nodeName}).";
        Field<NonNullGraphType<IntGraphType>, int>("totalCount")
            .Description("分页前的总数 (the total count before paging).")
            .Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoGraphType>, PageInfo>("pageInfo")
            .Description("分页信息 (paging information).")
            .ResolveAsync(async c => c.Source.PageInfoAt(await Cursor.ContentVersionOfAsync(c)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeGraphType, TNode>>>>, IEnumerable<ConnectionEdge<TNode>>>("edges")
            .Description("本页的边：节点及其游标 (this page's edges: nodes with their cursors).")
            .ResolveAsync(async c =>
            {
                var version = await Cursor.ContentVersionOfAsync(c);
                return c.Source.Nodes.Select((node, i) =>
                    new ConnectionEdge<TNode>(Cursor.Encode(version, c.Source.Offset + i), node, c.Source.Highlight?.Invoke(node) ?? []));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>, IReadOnlyList<TNode>>("nodes")
            .Description("本页的节点 (this page's nodes).")
            .Resolve(c => c.Source.Nodes);
    }
}

/// <summary>GraphQL type <c>XxxEdge</c>.</summary>
public sealed class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<ConnectionEdge<TNode>>
    where TNodeGraphType : IGraphType
    where TNode : GraphNode
{
    public EdgeGraphType()
    {
        var nodeName = typeof(TNodeGraphType).Name.Replace("GraphType", "", StringComparison.Ordinal);
        Name = nodeName + "Edge";
        Description = $"{nodeName} 连接中的一条边 (an edge of a {nodeName} connection).";
        Field<NonNullGraphType<StringGraphType>, string>("cursor")
            .Description("用作 after 参数的游标 (the cursor to pass as after).")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>, TNode>("node").Description("节点 (the node).").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TextSpanGraphType>>>, IReadOnlyList<TextSpan>>("highlights")
            .Description("检索时节点文字（职责原文）中命中的各段，含同义词；非检索时为空 (where a search matched the node's text, synonyms included; empty outside a search).")
            .Resolve(c => c.Source.Highlights);
    }
}

/// <summary>GraphQL type <c>PageInfo</c>.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Relay 分页信息 (Relay paging information).";
        Field<NonNullGraphType<BooleanGraphType>, bool>("hasNextPage")
            .Description("是否还有下一页 (whether more follow).")
            .Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>, bool>("hasPreviousPage")
            .Description("前面是否还有 (whether some precede).")
            .Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType, string?>("startCursor")
            .Description("本页第一个节点的游标 (the first node's cursor).")
            .Resolve(c => c.Source.StartCursor);
        Field<StringGraphType, string?>("endCursor")
            .Description("本页最后一个节点的游标 (the last node's cursor).")
            .Resolve(c => c.Source.EndCursor);
    }
}
