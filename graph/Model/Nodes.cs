using System.Text.Json.Serialization;

namespace SafetyDuty.Graph.Model;

// Glossary — one English name per domain concept, used everywhere in code:
//   Jurisdiction = 行政区域 (市/区/县/镇)            Document = 职责清单文件
//   Body         = 单位/部门 (部门、党委机构、议事机构、企业、村…)
//   Leader       = 领导岗位 (区委主要负责同志、镇长…)   Duty     = 职责条目
//   Sector       = 行业领域/场所 (燃气、餐饮…)          Law      = 法律法规 (《…》)
//   Lead         = 牵头/主责                          Assist   = 配合/协助
//   Group        = 部门组 (共同职责的承担者，或魏都区的部门分类)

/// <summary>Node labels of the knowledge graph. Fixed: stores use them as an allow-list.</summary>
public enum NodeLabel
{
    Jurisdiction,
    Document,
    Body,
    Leader,
    Duty,
    Sector,
    Law,
}

/// <summary>Where a node or edge was read: document, clause locator and character span in the document's text.</summary>
/// <param name="DocumentId">The document the fact was read from.</param>
/// <param name="Locator">The clause locator as a reader would cite it, e.g. 第七条（十二）4 or 二（八）3.</param>
/// <param name="Start">Offset of the first character in the document's normalised text.</param>
/// <param name="Length">Number of characters.</param>
public sealed record Provenance(string DocumentId, string Locator, int Start, int Length);

/// <summary>A node of the knowledge graph. Nodes carry their own attributes and the single-valued structural links
/// (jurisdiction, owner, host, parent); many-to-many relations are <see cref="GraphEdge"/>s.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "label")]
[JsonDerivedType(typeof(Jurisdiction), nameof(NodeLabel.Jurisdiction))]
[JsonDerivedType(typeof(Document), nameof(NodeLabel.Document))]
[JsonDerivedType(typeof(Body), nameof(NodeLabel.Body))]
[JsonDerivedType(typeof(Leader), nameof(NodeLabel.Leader))]
[JsonDerivedType(typeof(Duty), nameof(NodeLabel.Duty))]
[JsonDerivedType(typeof(Sector), nameof(NodeLabel.Sector))]
[JsonDerivedType(typeof(Law), nameof(NodeLabel.Law))]
public abstract record GraphNode(string Id)
{
    [JsonIgnore]
    public abstract NodeLabel Label { get; }

    /// <summary>The text a person reads for this node: a name, a title or a duty's text.</summary>
    [JsonIgnore]
    public abstract string DisplayName { get; }
}

/// <summary>A place that publishes or is governed by duty lists.</summary>
/// <param name="Level">province | prefecture | county | district | town | village.</param>
/// <param name="ParentId">The enclosing jurisdiction, where a document says it.</param>
public sealed record Jurisdiction(string Id, string Name, string Level, string? ParentId = null) : GraphNode(Id)
{
    public override NodeLabel Label => NodeLabel.Jurisdiction;
    public override string DisplayName => Name;
}

/// <summary>Whether a document is in force or a draft for comment (征求意见稿).</summary>
public enum DocumentStatus
{
    InForce,
    Draft,
}

/// <summary>A loaded duty-list document. Its id is derived from the jurisdiction and the document
/// number (or, without a number, the title), so a new version of the same document replaces the old one.</summary>
public sealed record Document(
    string Id,
    string Title,
    string? Number,
    string? Issuer,
    string? IssuedOn,
    DocumentStatus Status,
    string JurisdictionId,
    string SourceFile,
    string ContentHash) : GraphNode(Id)
{
    public override NodeLabel Label => NodeLabel.Document;
    public override string DisplayName => Title;
}

/// <summary>What kind of organisational unit a body is.</summary>
public enum BodyKind
{
    Government,
    PartyOrgan,
    Department,
    Committee,
    CommitteeOffice,
    MassOrganisation,
    Military,
    Judicial,
    Enterprise,
    Grassroots,
    /// <summary>A set of bodies: "all departments" (owner of 共同职责) or a classification group.</summary>
    Group,
    Other,
}

/// <summary>An organisational unit with duties (单位/部门).</summary>
/// <param name="Name">The name as written in the document (市公安局).</param>
/// <param name="AgencyType">Canonical function across places and eras (应急管理, 市场监督管理, 公安 …); null when unknown.</param>
/// <param name="Aliases">Short names the document introduces (（以下简称区安委会）).</param>
/// <param name="HostedById">The body this one is hosted by (（设在区应急管理局）).</param>
public sealed record Body(
    string Id,
    string Name,
    BodyKind Kind,
    string? AgencyType,
    string JurisdictionId,
    IReadOnlyList<string> Aliases,
    string? HostedById,
    Provenance? Source) : GraphNode(Id)
{
    public override NodeLabel Label => NodeLabel.Body;
    public override string DisplayName => Name;
}

/// <summary>A leadership post with duties (领导岗位): 区委主要负责同志, 镇长, 分管安全生产的副职 …</summary>
public sealed record Leader(string Id, string Title, string JurisdictionId, Provenance? Source) : GraphNode(Id)
{
    public override NodeLabel Label => NodeLabel.Leader;
    public override string DisplayName => Title;
}

/// <summary>One duty item (职责条目) with its exact text and where it stands.</summary>
/// <param name="OwnerId">The body or leader whose duty this is (HAS_DUTY).</param>
/// <param name="Order">Position of the item within its owner's duties in the document, from 1.</param>
/// <param name="IsCommon">A duty shared by all departments of the place (共同职责); its owner is the group body.</param>
/// <param name="Accountability">When the owner is held to account for the duty (a 权责清单's 追责情形/问责情形), where the
/// document says it.</param>
public sealed record Duty(
    string Id,
    string Text,
    string OwnerId,
    string JurisdictionId,
    int Order,
    bool IsCommon,
    Provenance Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Accountability = null) : GraphNode(Id)
{
    public override NodeLabel Label => NodeLabel.Duty;
    public override string DisplayName => Text;
    public string Locator => Source.Locator;
    public string DocumentId => Source.DocumentId;
}

/// <summary>An industry, place, hazard or activity (行业领域/场所): from the reviewed taxonomy, or a document sector —
/// one a document names (a sector-first heading, a table's 行业领域 cell) that the taxonomy does not hold (露营地,
/// 宠物医院), kept so that what the document says of it is not lost, and listed for review.</summary>
/// <param name="Facet">hazard (hazards and activities) | venue (venues and industries).</param>
/// <param name="Aliases">Synonyms that name the same sector in documents.</param>
/// <param name="NamedBy">For a document sector, the words of the document that named it; null for a reviewed sector.</param>
public sealed record Sector(string Id, string Name, string Facet, string? ParentId, IReadOnlyList<string> Aliases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NamedBy = null) : GraphNode(Id)
{
    public override NodeLabel Label => NodeLabel.Sector;
    public override string DisplayName => Name;

    /// <summary>From the reviewed taxonomy; false for a sector only a document names, not yet reviewed.</summary>
    [JsonIgnore]
    public bool IsReviewed => NamedBy is null;
}

/// <summary>A law, regulation, rule or normative document cited as 《…》.</summary>
/// <param name="Title">The title as first cited.</param>
/// <param name="CanonicalTitle">The full official title (安全生产法 → 中华人民共和国安全生产法).</param>
/// <param name="Level">national-law | administrative-regulation | local-regulation | departmental-rule | normative-document; null when unknown.</param>
public sealed record Law(string Id, string Title, string CanonicalTitle, string? Level) : GraphNode(Id)
{
    public override NodeLabel Label => NodeLabel.Law;
    public override string DisplayName => CanonicalTitle;
}
