using GraphQL.DataLoader;
using GraphQL.Types;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Leader</c>.</summary>
public sealed class LeaderGraphType : ObjectGraphType<Leader>
{
    public LeaderGraphType()
    {
        Name = "Leader";
        Description = "领导岗位，如 区委主要负责同志、镇长 (a leadership post with duties).";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>, string>("id").Description("稳定 ID (stable id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("title").Description("岗位名称 (the post's title).").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<JurisdictionGraphType>, object?>("jurisdiction")
            .Description("所在行政区域 (the place).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<Jurisdiction>(c.Source.JurisdictionId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyGraphType>>>, IDataLoaderResult<IReadOnlyList<Duty>>>("duties")
            .Description("该岗位的职责条目 (the post's duties).")
            .Windowed(ListWindow.MaxFirst)
            .Resolve(c => ListWindow.Apply(c, GraphBatchLoader.Of(c).Neighbours<Duty>(c.Source.Id, EdgeType.HasDuty, Direction.Outgoing), ListWindow.MaxFirst));
    }
}
