namespace SafetyDuty.Graph.Model;

/// <summary>Relationship types. Fixed: stores use them as an allow-list.
/// The single-valued structural links (IN, HAS_DUTY, HOSTED_BY, PARENT) are attributes of the nodes
/// (<see cref="Body.JurisdictionId"/>, <see cref="Duty.OwnerId"/> …); a store exposes them as relationships too.</summary>
public enum EdgeType
{
    /// <summary>Body → Sector: 负责/牵头/主责/承担…监督管理.</summary>
    Lead,
    /// <summary>Body → Sector: 配合/协助/会同/参与/协调/支持.</summary>
    Assist,
    /// <summary>Duty or Document → Law.</summary>
    Cite,
    /// <summary>Duty → Sector.</summary>
    Covers,
    /// <summary>Duty → Body: the duty names another body (配合市安全监管局).</summary>
    Mentions,
    /// <summary>Body → Body (kind Group): classification or "all departments" membership.</summary>
    MemberOf,
    /// <summary>Body, Leader, Document → Jurisdiction. Derived from JurisdictionId.</summary>
    In,
    /// <summary>Body or Leader → Duty. Derived from <see cref="Duty.OwnerId"/>.</summary>
    HasDuty,
    /// <summary>Body → Body. Derived from <see cref="Body.HostedById"/>.</summary>
    HostedBy,
    /// <summary>Sector → Sector (child to parent). Derived from <see cref="Sector.ParentId"/>.</summary>
    Parent,
}

/// <summary>Which way to follow a relationship from a node.</summary>
public enum Direction
{
    Outgoing,
    Incoming,
}

/// <summary>A relationship read from one document.</summary>
/// <param name="Evidence">Ids of the duties that justify the edge (LEAD/ASSIST); empty where the edge is its own evidence.</param>
/// <param name="Scope">For scoped assists and leads read from tables: the scope text ("网约车平台公司的经营许可").</param>
/// <param name="Source">Where it was read; null only for derived structural relationships.</param>
public sealed record GraphEdge(
    EdgeType Type,
    string FromId,
    string ToId,
    IReadOnlyList<string> Evidence,
    string? Scope,
    Provenance? Source)
{
    /// <summary>Stable identity: one edge per type, ends and document.</summary>
    public string Id => StableId.Of("e", Type.ToString(), FromId, ToId, Source?.DocumentId ?? "");
}
