using GraphQL.DataLoader;
using GraphQL.Types;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Law</c>.</summary>
public sealed class LawGraphType : ObjectGraphType<Law>
{
    /// <summary>Default window of <c>citedBy</c>: 安全生产法 is cited by thousands of duties at a thousand places.</summary>
    public const int CitedByFirst = 100;

    public LawGraphType()
    {
        Name = "Law";
        Description = "以《…》引用的法律、法规、规章或规范性文件 (a law or regulation cited as 《…》).";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>, string>("id").Description("稳定 ID (stable id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("title").Description("首次引用时的标题 (title as cited).").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>, string>("canonicalTitle")
            .Description("规范全称，如 中华人民共和国安全生产法 (the full official title).")
            .Resolve(c => c.Source.CanonicalTitle);
        Field<StringGraphType, string?>("level")
            .Description("效力层级：national-law | administrative-regulation | local-regulation | departmental-rule | normative-document (level).")
            .Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyGraphType>>>, IDataLoaderResult<IReadOnlyList<Duty>>>("citedBy")
            .Description($"引用它的职责条目，默认前 {CitedByFirst} 条 (the duties citing it; a national law is cited in every place).")
            .Windowed(CitedByFirst)
            .Resolve(c => ListWindow.Apply(c, GraphBatchLoader.Of(c).Neighbours<Duty>(c.Source.Id, EdgeType.Cite, Direction.Incoming), CitedByFirst));
    }
}
