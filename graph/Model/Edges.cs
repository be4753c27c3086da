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

    /// <summary>For LEAD and ASSIST: how the document states the role, one entry per evidence duty and way of saying
    /// it (a table column, a tag, a heading, a verb). Empty for other types, and for edges stored before it was kept.</summary>
    public IReadOnlyList<RoleBasis> Basis { get; init; } = [];
}

/// <summary>How a document makes a body lead or assist on a sector, or gives it a duty about it.</summary>
public enum RoleBasisKind
{
    /// <summary>A table's 主责单位/牵头单位 or 配合单位 column.</summary>
    TableColumn,
    /// <summary>A tag after a task: （责任单位：X；配合单位：Y）.</summary>
    Tag,
    /// <summary>Lines under a heading naming the sector: 牵头单位：X / 配合单位：Y.</summary>
    Heading,
    /// <summary>The duty's verb: 负责/主管/承担…监督管理, 牵头… (lead); 配合/协助/参与/协调/支持 (assist).</summary>
    Verb,
    /// <summary>The body's own duty concerns the sector without a verb of lead or assist (负有相关职责).</summary>
    OwnDuty,
}

/// <summary>One reason for a role: the duty that states it, how, and the words that say it.</summary>
/// <param name="Quote">The words as written: the verb's clause (负责城镇燃气行业安全监督管理), the column or tag with
/// its cell (配合单位：公安部门：负责道路行驶安全管理).</param>
public sealed record RoleBasis(string DutyId, RoleBasisKind Kind, string Quote);
