using GraphQL.Types;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Document</c>.</summary>
public sealed class DocumentGraphType : ObjectGraphType<Document>
{
    public DocumentGraphType()
    {
        Name = "Document";
        Description = "已载入的职责清单文件 (a loaded duty-list document).";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>, string>("id").Description("稳定 ID (stable id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("title").Description("标题 (title).").Resolve(c => c.Source.Title);
        Field<StringGraphType, string?>("number").Description("文号，如 昆政发〔2017〕41号 (document number).").Resolve(c => c.Source.Number);
        Field<StringGraphType, string?>("issuer").Description("发文机关 (issuer).").Resolve(c => c.Source.Issuer);
        Field<StringGraphType, string?>("issuedOn").Description("成文日期，ISO 8601 (issue date).").Resolve(c => c.Source.IssuedOn);
        Field<NonNullGraphType<StringGraphType>, string>("status")
            .Description("状态：IN_FORCE（现行）| DRAFT（征求意见稿）(status).")
            .Resolve(c => c.Source.Status == DocumentStatus.Draft ? "DRAFT" : "IN_FORCE");
        Field<NonNullGraphType<StringGraphType>, string>("sourceFile").Description("来源文件名 (source file name).").Resolve(c => c.Source.SourceFile);
        Field<StringGraphType, string?>("text")
            .Description("规范化后的全文，职责的 start/length 以此为准；用于在上下文中显示条款 (the normalised text that duty spans index into).")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<IGraphStore>().GetDocumentTextAsync(c.Source.Id, c.CancellationToken));
        Field<NonNullGraphType<JurisdictionGraphType>, object?>("jurisdiction")
            .Description("文件适用的行政区域 (the place the document governs).")
            .Resolve(c => GraphBatchLoader.Of(c).NodeOrDeferred<Jurisdiction>(c.Source.JurisdictionId));
    }
}
