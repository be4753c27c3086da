using GraphQL.DataLoader;
using GraphQL.Types;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Sector</c>.</summary>
public sealed class SectorGraphType : ObjectGraphType<Sector>
{
    public SectorGraphType()
    {
        Name = "Sector";
        Description = "行业领域/场所，来自审定的分类表 (an industry, venue, hazard or activity from the reviewed taxonomy).";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>, string>("id").Description("稳定 ID (stable id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("name").Description("名称，如 燃气 (name).").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>, string>("facet")
            .Description("维度：hazard（危险与活动）| venue（场所与行业）(facet).")
            .Resolve(c => c.Source.Facet);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("aliases")
            .Description("同义词，如 燃气 的 天然气、液化石油气 (synonyms).")
            .Resolve(c => c.Source.Aliases);
        Field<SectorGraphType, object?>("parent")
            .Description("上级领域 (the parent sector).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<Sector>(c.Source.ParentId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorGraphType>>>, IDataLoaderResult<IReadOnlyList<Sector>>>("children")
            .Description("下级领域 (the sub-sectors).")
            .Resolve(c => GraphBatchLoader.Of(c).Neighbours<Sector>(c.Source.Id, EdgeType.Parent, Direction.Incoming));
    }
}
