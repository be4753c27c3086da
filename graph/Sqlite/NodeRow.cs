using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

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
    // The columns are the store-independent projection (NodeProjection), laid out as this table holds it.
    public static NodeRow Of(GraphNode node)
    {
        var p = NodeProjection.Of(node);
        return new(p.Id, p.Label.ToString(), p.DisplayName, p.JurisdictionId, p.AgencyType, p.InId, p.OwnerId, p.HostId, p.ParentId,
            p.SearchText, p.Json);
    }

    public static GraphNode Read(string data) => NodeProjection.Read(data);

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
}
