using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Queries;

/// <summary>How a body takes part in a sector: it leads (牵头/主责) or assists (配合/协助).</summary>
public enum Role
{
    Lead,
    Assist,
}

/// <summary>Whether one of the body's own duties covers every topic asked, or only some of them.</summary>
public enum TopicMatch
{
    AllTopics,
    SomeTopics,
}

/// <summary>One body's part in a set of topics, with the duties that justify it.</summary>
/// <param name="Evidence">The duties that justify the answer, never empty.</param>
public sealed record Responsibility(
    Body Body,
    Jurisdiction Jurisdiction,
    Role Role,
    TopicMatch Match,
    IReadOnlyList<Duty> Evidence);
