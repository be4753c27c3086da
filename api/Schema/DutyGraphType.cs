using GraphQL.DataLoader;
using GraphQL.Types;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Duty</c>.</summary>
public sealed class DutyGraphType : ObjectGraphType<Duty>
{
    public DutyGraphType()
    {
        Name = "Duty";
        Description = "职责条目：原文、条款位置与来源文件 (one duty item with its exact text and clause).";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>, string>("id").Description("稳定 ID (stable id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("text").Description("条目原文 (the exact text).").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<StringGraphType>, string>("locator")
            .Description("条款位置，如 第七条（十二）4 (the clause locator).")
            .Resolve(c => c.Source.Locator);
        Field<NonNullGraphType<IntGraphType>, int>("start")
            .Description("条目在文件全文 (Document.text) 中的起始字符位置 (offset of the duty in its document's text).")
            .Resolve(c => c.Source.Source.Start);
        Field<NonNullGraphType<IntGraphType>, int>("length")
            .Description("条目在文件全文中的字符数 (number of characters of the duty in its document's text).")
            .Resolve(c => c.Source.Source.Length);
        Field<NonNullGraphType<IntGraphType>, int>("order").Description("在所属单位职责中的序号，从 1 起 (position).").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<BooleanGraphType>, bool>("isCommon")
            .Description("是否为全体部门共同职责 (a duty shared by all departments).")
            .Resolve(c => c.Source.IsCommon);
        Field<NonNullGraphType<DocumentGraphType>, object?>("document")
            .Description("来源文件 (the source document).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<Document>(c.Source.DocumentId));
        Field<NonNullGraphType<DutyOwnerGraphType>, object?>("owner")
            .Description("承担该职责的单位或领导岗位 (the body or leader whose duty it is).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<GraphNode>(c.Source.OwnerId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorGraphType>>>, object>("sectors")
            .Description("条目涉及的行业领域 (the sectors the duty covers).")
            .Resolve(c => GraphBatchLoader.Of(c).NeighboursOrDeferred<Sector>(c.Source.Id, EdgeType.Covers, Direction.Outgoing));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LawGraphType>>>, IDataLoaderResult<IReadOnlyList<Law>>>("laws")
            .Description("条目引用的法律法规 (the laws the duty cites).")
            .Resolve(c => GraphBatchLoader.Of(c).Neighbours<Law>(c.Source.Id, EdgeType.Cite, Direction.Outgoing));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BodyGraphType>>>, IDataLoaderResult<IReadOnlyList<Body>>>("mentions")
            .Description("条目提到的其他单位，如 配合市安全监管局 (other bodies the duty names).")
            .Resolve(c => GraphBatchLoader.Of(c).Neighbours<Body>(c.Source.Id, EdgeType.Mentions, Direction.Outgoing));
    }
}

/// <summary>GraphQL union <c>DutyOwner</c>: a body or a leader.</summary>
public sealed class DutyOwnerGraphType : UnionGraphType
{
    public DutyOwnerGraphType()
    {
        Name = "DutyOwner";
        Description = "职责的承担者：单位或领导岗位 (the owner of a duty: a body or a leader).";
        Type<BodyGraphType>();
        Type<LeaderGraphType>();
    }
}
