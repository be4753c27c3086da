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
        Field<NonNullGraphType<RoleGraphType>, Role>("role")
            .Description("牵头、配合或负有相关职责：单位在所问领域中最强的角色 (lead, assist or a related duty: the body's strongest role in the topics' sectors).")
            .Resolve(c => c.Source.Role);
        Field<NonNullGraphType<MatchGraphType>, TopicMatch>("match")
            .Description("本单位一条职责覆盖全部主题，或只覆盖部分 (whether one duty covers every topic).")
            .Resolve(c => c.Source.Match);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyGraphType>>>, IReadOnlyList<Duty>>("evidence")
            .Description("依据的职责条目：原文、条款、文件 (the duties that justify it).")
            .Resolve(c => c.Source.Evidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleBasisGraphType>>>, IReadOnlyList<RoleBasis>>("basis")
            .Description("角色的依据：文件怎样说的（表格列、标注、标题、动词、本单位职责），附原文 (why the role: how the document says it, with the words quoted).")
            .Resolve(c => c.Source.Basis);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("topics")
            .Description("本单位依据所覆盖的主题，按提问顺序；少于所问即“只涉及部分主题” (the topics asked that the body's evidence covers).")
            .Resolve(c => c.Source.Topics);
        Field<NonNullGraphType<BooleanGraphType>, bool>("isGroup")
            .Description("部门组或泛称（各部门、政府、企业、党委…），排在具体单位之后 (a group or a name for many, ranked after the bodies).")
            .Resolve(c => c.Source.IsGroup);
    }
}

/// <summary>GraphQL type <c>RoleBasis</c>.</summary>
public sealed class RoleBasisGraphType : ObjectGraphType<RoleBasis>
{
    public RoleBasisGraphType()
    {
        Name = "RoleBasis";
        Description = "角色的一条依据 (one reason for a role).";
        Field<NonNullGraphType<StringGraphType>, string>("kind")
            .Description("TABLE_COLUMN（表格的主责/配合列）| TAG（责任单位/配合单位标注）| HEADING（标题下的牵头单位/配合单位）| VERB（负责…监督管理、牵头、配合…）| OWN_DUTY（本单位职责涉及该领域）(how the document says it).")
            .Resolve(c => ConstantCase.Of(c.Source.Kind));
        Field<NonNullGraphType<StringGraphType>, string>("quote")
            .Description("原文中说明角色的文字 (the words that say it).")
            .Resolve(c => c.Source.Quote);
        Field<DutyGraphType, object?>("duty")
            .Description("说明角色的职责条目 (the duty that says it).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<Duty>(c.Source.DutyId));
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
        Values["DUTY"]!.Description = "负有相关职责：本单位职责涉及该领域，文件未定为牵头或配合 (a duty about the sector, neither lead nor assist).";
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
