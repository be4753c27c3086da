using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Structure;

namespace SafetyDuty.Seed.Extraction;

/// <summary>What owns duties before it becomes a graph node.</summary>
internal enum OwnerKind
{
    Body,
    Leader,
    Group,
}

internal sealed class DraftOwner(OwnerKind kind, string name)
{
    public OwnerKind Kind { get; } = kind;

    public string Name { get; } = name;

    public List<string> Aliases { get; } = [];

    public string? HostName { get; set; }

    public string? Locator { get; set; }

    public int Start { get; set; }

    public int Length { get; set; }

    public List<string> MemberNames { get; } = [];
}

/// <summary>A responsibility stated outright, by a tag （牵头单位：X；配合单位：Y） or by a table row.</summary>
/// <param name="Basis">How it is stated (a table column, a tag, lines under a heading).</param>
/// <param name="Quote">The words that state it (主责单位：交通部门; 配合单位：公安部门：负责道路行驶安全管理).</param>
internal sealed record StatedRole(string Body, bool IsLead, string? Scope, RoleBasisKind Basis, string Quote);

internal sealed record DraftDuty(
    DraftOwner Owner,
    string Text,
    string Locator,
    int Start,
    int End,
    bool IsCommon,
    IReadOnlyList<SourceLine> Lines)
{
    /// <summary>Roles stated by a tag or table for the sectors of this duty (or of <see cref="SectorText"/>).</summary>
    public IReadOnlyList<StatedRole> StatedRoles { get; init; } = [];

    /// <summary>Where the sectors of stated roles are named, when not in the duty text (a table's 领域 cell, a heading).</summary>
    public string? SectorText { get; init; }

    /// <summary>A table's 依据 cell: the laws the duty rests on, cited by the duty though outside its text.</summary>
    public IReadOnlyList<Segment> Basis { get; init; } = [];

    /// <summary>A table's 追责情形/问责情形: when the owner is held to account for the duty.</summary>
    public string? Accountability { get; init; }
}
