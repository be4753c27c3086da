using System.Collections.Concurrent;
using System.Text.Json;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Store;

/// <summary>A node as every store keeps it: its JSON (read back as is) and the values reads filter, join, order and
/// search on. Written once here so that the SQLite columns and the Neo4j properties cannot drift apart.</summary>
/// <param name="JurisdictionId">The filter "in this place": a body's, leader's, document's or duty's place. A
/// jurisdiction is not in a place of its own.</param>
/// <param name="InId">The structural links GetEdges answers as IN, HAS_DUTY (<paramref name="OwnerId"/>), HOSTED_BY
/// (<paramref name="HostId"/>) and PARENT (<paramref name="ParentId"/>). A duty has a place but is not IN it.</param>
/// <param name="SearchText">What full text finds the node by, before the store's own normalisation: names with
/// aliases, a document's title with its number and issuer, a law's title as cited and its canonical title.</param>
public sealed record NodeProjection(
    string Id,
    NodeLabel Label,
    string DisplayName,
    string? JurisdictionId,
    string? AgencyType,
    string? InId,
    string? OwnerId,
    string? HostId,
    string? ParentId,
    IReadOnlyList<string> Aliases,
    string SearchText,
    string Json)
{
    public static NodeProjection Of(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var json = JsonSerializer.Serialize(node, NodeJson.Stored.GraphNode);
        return node switch
        {
            Jurisdiction j => new(j.Id, j.Label, j.Name, null, null, j.ParentId, null, null, null, [], j.Name, json),
            Document d => new(d.Id, d.Label, d.Title, d.JurisdictionId, null, d.JurisdictionId, null, null, null, [],
                Join(d.Title, d.Number, d.Issuer), json),
            Body b => new(b.Id, b.Label, b.Name, b.JurisdictionId, b.AgencyType, b.JurisdictionId, null, b.HostedById, null, b.Aliases,
                Join([b.Name, .. b.Aliases]), json),
            Leader l => new(l.Id, l.Label, l.Title, l.JurisdictionId, null, l.JurisdictionId, null, null, null, [], l.Title, json),
            Duty d => new(d.Id, d.Label, d.Text, d.JurisdictionId, null, null, d.OwnerId, null, null, [], d.Text, json),
            Sector s => new(s.Id, s.Label, s.Name, null, null, null, null, null, s.ParentId, s.Aliases, Join([s.Name, .. s.Aliases]), json),
            Law l => new(l.Id, l.Label, l.CanonicalTitle, null, null, null, null, null, null, [], Join(l.Title, l.CanonicalTitle), json),
            _ => throw new ArgumentException($"Unknown node type {node.GetType().Name}.", nameof(node)),
        };
    }

    // Nodes decoded from their JSON, by that JSON: the same rows are read over and over (a search's first page, the
    // bodies of an agency type), and decoding a duty costs several times what finding its text here does. A node is
    // immutable and its JSON is all of it, so a row whose JSON changed is simply another entry. Bounded (about 12 MB
    // at most), and emptied when full.
    private const int MaxDecoded = 8192;
    private static readonly ConcurrentDictionary<string, GraphNode> Decoded = new(StringComparer.Ordinal);

    /// <summary>A node from its stored JSON.</summary>
    public static GraphNode Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Decoded.TryGetValue(json, out var known))
        {
            return known;
        }
        var node = JsonSerializer.Deserialize(json, NodeJson.Stored.GraphNode)
            ?? throw new InvalidOperationException("A stored node is null.");
        if (Decoded.Count >= MaxDecoded)
        {
            Decoded.Clear();
        }
        Decoded.TryAdd(json, node);
        return node;
    }

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}
