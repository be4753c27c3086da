using GraphQL.Types;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Responsibility</c>.</summary>
public sealed class ResponsibilityGraphType : ObjectGraphType<Responsibility>
{
    public ResponsibilityGraphType()
    {
        Name = "Responsibility";
        Description = "某单位对所问主题的责任及其依据条款 (a body's part in the topics asked, with its evidence).";
        Field<NonNullGraphType<BodyGraphType>, Body>("body").Description("单位 (the body).").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<JurisdictionGraphType>, Jurisdiction>("jurisdiction")
            .Description("单位所在行政区域 (the body's place).")
            .Resolve(c => c.Source.Jurisdiction);
        Field<NonNullGraphType<RoleGraphType>, Role>("role").Description("牵头或配合 (lead or assist).").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<MatchGraphType>, TopicMatch>("match")
            .Description("本单位一条职责覆盖全部主题，或只覆盖部分 (whether one duty covers every topic).")
            .Resolve(c => c.Source.Match);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyGraphType>>>, IReadOnlyList<Duty>>("evidence")
            .Description("依据的职责条目：原文、条款、文件 (the duties that justify it).")
            .Resolve(c => c.Source.Evidence);
    }
}

/// <summary>GraphQL enum <c>Role</c>.</summary>
public sealed class RoleGraphType : EnumerationGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "单位在领域中的角色 (a body's role in a sector).";
        Values["LEAD"]!.Description = "牵头/主责 (leads).";
        Values["ASSIST"]!.Description = "配合/协助 (assists).";
    }
}

/// <summary>GraphQL enum <c>Match</c>.</summary>
public sealed class MatchGraphType : EnumerationGraphType<TopicMatch>
{
    public MatchGraphType()
    {
        Name = "Match";
        Description = "职责与所问主题的吻合程度 (how the duties match the topics asked).";
        Values["ALL_TOPICS"]!.Description = "本单位有一条职责覆盖全部主题 (one of the body's duties covers every topic).";
        Values["SOME_TOPICS"]!.Description = "只覆盖部分主题 (only some of the topics).";
    }
}
