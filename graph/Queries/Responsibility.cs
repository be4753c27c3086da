using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Queries;

/// <summary>How a body takes part in a sector: it leads (牵头/主责), assists (配合/协助), or has a duty about it that the
/// document makes neither (负有相关职责). Ordered strongest first.</summary>
public enum Role
{
    Lead,
    Assist,
    Duty,
}

/// <summary>Whether one of the body's own duties covers every topic asked, or only some of them.</summary>
public enum TopicMatch
{
    AllTopics,
    SomeTopics,
}

/// <summary>One body's part in a set of topics, with the duties that justify it.</summary>
/// <param name="Role">The strongest of the body's roles in the topics' sectors (RoleModel).</param>
/// <param name="Evidence">The duties that justify the answer, never empty.</param>
/// <param name="Basis">Why the role: how the document states it, with the words quoted.</param>
/// <param name="Topics">The topics asked that the body's evidence covers, in the order asked.</param>
/// <param name="IsGroup">A group or a name that stands for many (各部门, 政府, 企业): ranked after the bodies.</param>
public sealed record Responsibility(
    Body Body,
    Jurisdiction Jurisdiction,
    Role Role,
    TopicMatch Match,
    IReadOnlyList<Duty> Evidence,
    IReadOnlyList<RoleBasis> Basis,
    IReadOnlyList<string> Topics,
    bool IsGroup);
