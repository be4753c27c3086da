using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Sqlite;

// A node as the nodes table holds it: its JSON and the columns reads filter and join on.
// in_id, owner_id, host_id and parent_id are the structural links that GetEdges answers as IN, HAS_DUTY, HOSTED_BY
// and PARENT; jurisdiction_id is the filter "in this place" (duties have one, but are not IN their place).
internal sealed record NodeRow(
    string Id,
    string Label,
    string Name,
    string? JurisdictionId,
    string? AgencyType,
    string? InId,
    string? OwnerId,
    string? HostId,
    string? ParentId,
    string SearchText,
    string Data)
{
    public static NodeRow Of(GraphNode node)
    {
        var data = JsonSerializer.Serialize(node, NodeJson.Stored.GraphNode);
        return node switch
        {
            Jurisdiction j => new(j.Id, LabelOf(j), j.Name, null, null, j.ParentId, null, null, null, j.Name, data),
            Document d => new(d.Id, LabelOf(d), d.Title, d.JurisdictionId, null, d.JurisdictionId, null, null, null,
                Join(d.Title, d.Number, d.Issuer), data),
            Body b => new(b.Id, LabelOf(b), b.Name, b.JurisdictionId, b.AgencyType, b.JurisdictionId, null, b.HostedById, null,
                Join([b.Name, .. b.Aliases]), data),
            Leader l => new(l.Id, LabelOf(l), l.Title, l.JurisdictionId, null, l.JurisdictionId, null, null, null, l.Title, data),
            Duty d => new(d.Id, LabelOf(d), d.Text, d.JurisdictionId, null, null, d.OwnerId, null, null, d.Text, data),
            Sector s => new(s.Id, LabelOf(s), s.Name, null, null, null, null, null, s.ParentId, Join([s.Name, .. s.Aliases]), data),
            Law l => new(l.Id, LabelOf(l), l.CanonicalTitle, null, null, null, null, null, null, Join(l.Title, l.CanonicalTitle), data),
            _ => throw new ArgumentException($"Unknown node type {node.GetType().Name}.", nameof(node)),
        };
    }

    public static GraphNode Read(string data) =>
        JsonSerializer.Deserialize(data, NodeJson.Stored.GraphNode)
        ?? throw new InvalidOperationException("A stored node is null.");

    // The name order key: a duty's text is long and its exact order useless, so only its start is kept (the
    // same 16 characters as migration 2's substr, counted in code points).
    public string SortName => Label == nameof(NodeLabel.Duty) ? Prefix(Name, 16) : Name;

    private static string Prefix(string text, int characters)
    {
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (characters-- == 0)
            {
                break;
            }

            end += rune.Utf16SequenceLength;
        }

        return text[..end];
    }

    private static string LabelOf(GraphNode node) => node.Label.ToString();

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(GraphNode))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<RoleBasis>))]
internal sealed partial class NodeJson : JsonSerializerContext
{
    // Stored JSON keeps Chinese as UTF-8 (a third of the size of \u escapes); it is never written into HTML.
    public static NodeJson Stored { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    });
}
