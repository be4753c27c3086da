using GraphQL.DataLoader;
using GraphQL.Types;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Jurisdiction</c>.</summary>
public sealed class JurisdictionGraphType : ObjectGraphType<Jurisdiction>
{
    public JurisdictionGraphType()
    {
        Name = "Jurisdiction";
        Description = "行政区域：市、区、县、镇 (a place that publishes duty lists).";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>, string>("id").Description("稳定 ID (stable id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("name").Description("名称，如 昆山市 (name).").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>, string>("level")
            .Description("层级：province | prefecture | county | district | town | village (level).")
            .Resolve(c => c.Source.Level);
        Field<JurisdictionGraphType, object?>("parent")
            .Description("上级行政区域，文件写明时才有 (the enclosing place, where a document says it).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<Jurisdiction>(c.Source.ParentId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DocumentGraphType>>>, IDataLoaderResult<IReadOnlyList<Document>>>("documents")
            .Description("该地的职责清单文件 (the duty-list documents of the place).")
            .Windowed(ListWindow.MaxFirst)
            .Resolve(c => ListWindow.Apply(c, GraphBatchLoader.Of(c).Neighbours<Document>(c.Source.Id, EdgeType.In, Direction.Incoming), ListWindow.MaxFirst));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BodyGraphType>>>, IDataLoaderResult<IReadOnlyList<Body>>>("bodies")
            .Description("该地的单位/部门 (the bodies of the place).")
            .Windowed(ListWindow.MaxFirst)
            .Resolve(c => ListWindow.Apply(c, GraphBatchLoader.Of(c).Neighbours<Body>(c.Source.Id, EdgeType.In, Direction.Incoming), ListWindow.MaxFirst));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderGraphType>>>, IDataLoaderResult<IReadOnlyList<Leader>>>("leaders")
            .Description("该地的领导岗位 (the leadership posts of the place).")
            .Windowed(ListWindow.MaxFirst)
            .Resolve(c => ListWindow.Apply(c, GraphBatchLoader.Of(c).Neighbours<Leader>(c.Source.Id, EdgeType.In, Direction.Incoming), ListWindow.MaxFirst));
    }
}
