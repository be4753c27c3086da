using GraphQL;
using GraphQL.Types;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Reading;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Mutation</c>. Every field needs an API key: <see cref="Http.ApiKeyValidationRule"/> refuses
/// the operation before execution, and the resolver checks again so that no other path can write.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Description = "写操作，需要 API 密钥 (writes; they need an API key).";

        Field<NonNullGraphType<LoadDocumentPayloadGraphType>, LoadDocumentPayload>("loadDocument")
            .Description("读入一份职责清单文件（文本或 base64 编码的 .docx/.pdf/.txt）并载入知识库，返回质量报告 "
                + "(reads a duty-list document and loads it; returns the quality report).")
            .Argument<NonNullGraphType<LoadDocumentInputGraphType>>("input", "文件 (the document).")
            .ResolveAsync(async c =>
            {
                if (c.UserContext is not Http.GraphQLUserContext { HasValidApiKey: true })
                {
                    throw RequestErrors.Unauthenticated((c.UserContext as Http.GraphQLUserContext)?.WriteRefusal
                        ?? "写操作需要有效的 API 密钥 (a valid API key is required to write).");
                }
                var input = c.GetArgument<LoadDocumentInput>("input");
                var read = Read(c.RequestServices!.GetRequiredService<DutyDocumentReader>(), input);
                if (read.Report.IsEmpty)
                {
                    throw new ExecutionError($"{input.FileName}: {read.Report.NothingRecognisable}")
                    {
                        Code = "EMPTY_DOCUMENT",
                    };
                }
                var outcome = await c.RequestServices!.GetRequiredService<IGraphStore>().LoadDocumentAsync(read.Graph, c.CancellationToken);
                return new LoadDocumentPayload(outcome, read.Graph.Document, read.Report);
            });
    }

    private static DocumentReadResult Read(DutyDocumentReader reader, LoadDocumentInput input)
    {
        if (string.IsNullOrWhiteSpace(input.FileName))
        {
            throw RequestErrors.InvalidArgument("fileName 不能为空 (fileName must not be empty).");
        }
        if ((input.Text is null) == (input.ContentBase64 is null))
        {
            throw RequestErrors.InvalidArgument("text 与 contentBase64 须且只须给出一个 (give exactly one of text and contentBase64).");
        }
        try
        {
            if (input.Text is not null)
            {
                return reader.ReadText(input.Text, input.FileName);
            }
            using var stream = new MemoryStream(Convert.FromBase64String(input.ContentBase64!));
            return reader.Read(stream, input.FileName);
        }
        catch (FormatException)
        {
            throw RequestErrors.InvalidArgument("contentBase64 不是有效的 base64 (contentBase64 is not valid base64).");
        }
        catch (DocumentReadException exception)
        {
            // The reader's message says which file, where and why, in Chinese: shown to the client as is.
            throw new ExecutionError(exception.Message) { Code = "UNREADABLE_DOCUMENT" };
        }
    }
}

/// <summary>The document to load: its file name and either its text or its bytes in base64.</summary>
public sealed record LoadDocumentInput(string FileName, string? Text, string? ContentBase64);

/// <summary>What a load did.</summary>
public sealed record LoadDocumentPayload(LoadOutcome Outcome, Document Document, QualityReport Report);

/// <summary>GraphQL input <c>LoadDocumentInput</c>.</summary>
public sealed class LoadDocumentInputGraphType : InputObjectGraphType<LoadDocumentInput>
{
    public LoadDocumentInputGraphType()
    {
        Name = "LoadDocumentInput";
        Description = "待载入的文件：文件名，以及文本或 base64 内容二者之一 (the document: a file name and its text or base64 bytes).";
        Field<NonNullGraphType<StringGraphType>>("fileName").Description("文件名，扩展名决定读法 (.txt/.docx/.pdf) (file name).");
        Field<StringGraphType>("text").Description("UTF-8 文本内容 (the text).");
        Field<StringGraphType>("contentBase64").Description("base64 编码的文件内容 (the file's bytes, base64).");
    }
}

/// <summary>GraphQL type <c>LoadDocumentPayload</c>.</summary>
public sealed class LoadDocumentPayloadGraphType : ObjectGraphType<LoadDocumentPayload>
{
    public LoadDocumentPayloadGraphType()
    {
        Name = "LoadDocumentPayload";
        Description = "载入结果与质量报告 (the outcome of a load and its quality report).";
        Field<NonNullGraphType<LoadOutcomeGraphType>, LoadOutcome>("outcome")
            .Description("新增、替换旧版本或无变化 (inserted, replaced or unchanged).")
            .Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<DocumentGraphType>, Document>("document").Description("载入的文件 (the document).").Resolve(c => c.Source.Document);
        Field<NonNullGraphType<QualityReportGraphType>, QualityReport>("report").Description("质量报告 (the quality report).").Resolve(c => c.Source.Report);
    }
}

/// <summary>GraphQL enum <c>LoadOutcome</c>.</summary>
public sealed class LoadOutcomeGraphType : EnumerationGraphType<LoadOutcome>
{
    public LoadOutcomeGraphType()
    {
        Name = "LoadOutcome";
        Description = "载入的结果 (what a load did).";
        Values["INSERTED"]!.Description = "新文件 (a new document).";
        Values["REPLACED"]!.Description = "替换了旧版本 (replaced an older version).";
        Values["UNCHANGED"]!.Description = "内容相同，未改动 (same content; nothing changed).";
    }
}

/// <summary>GraphQL type <c>QualityReport</c>.</summary>
public sealed class QualityReportGraphType : ObjectGraphType<QualityReport>
{
    public QualityReportGraphType()
    {
        Name = "QualityReport";
        Description = "读取质量：读出了什么、剩下什么、哪里可疑 (how well a document was read).";
        Field<NonNullGraphType<StringGraphType>, string>("file").Description("文件名 (file).").Resolve(c => c.Source.File);
        Field<NonNullGraphType<StringGraphType>, string>("title").Description("标题 (title).").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>, string>("jurisdiction").Description("行政区域 (place).").Resolve(c => c.Source.Jurisdiction);
        Field<NonNullGraphType<IntGraphType>, int>("bodies").Description("单位数 (bodies).").Resolve(c => c.Source.Bodies);
        Field<NonNullGraphType<IntGraphType>, int>("leaders").Description("领导岗位数 (leaders).").Resolve(c => c.Source.Leaders);
        Field<NonNullGraphType<IntGraphType>, int>("duties").Description("职责条目数 (duties).").Resolve(c => c.Source.Duties);
        Field<NonNullGraphType<IntGraphType>, int>("commonDuties").Description("共同职责数 (common duties).").Resolve(c => c.Source.CommonDuties);
        Field<NonNullGraphType<IntGraphType>, int>("laws").Description("引用的法律法规数 (laws).").Resolve(c => c.Source.Laws);
        Field<NonNullGraphType<IntGraphType>, int>("sectorsCovered").Description("涉及的行业领域数 (sectors covered).").Resolve(c => c.Source.SectorsCovered);
        Field<NonNullGraphType<IntGraphType>, int>("leadEdges").Description("牵头关系数 (lead relations).").Resolve(c => c.Source.LeadEdges);
        Field<NonNullGraphType<IntGraphType>, int>("assistEdges").Description("配合关系数 (assist relations).").Resolve(c => c.Source.AssistEdges);
        Field<NonNullGraphType<IntGraphType>, int>("mentionsResolved").Description("已识别的提及单位 (resolved mentions).").Resolve(c => c.Source.MentionsResolved);
        Field<NonNullGraphType<IntGraphType>, int>("mentionsUnresolved").Description("未识别的提及单位 (unresolved mentions).").Resolve(c => c.Source.MentionsUnresolved);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IEnumerable<string>>("unattributedLines")
            .Description("未归属任何结构的行，形如 行号: 文本 (lines no structure claimed, as line: text).")
            .Resolve(c => c.Source.UnattributedLines.Select(l => $"{l.Line}: {l.Text}"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("warnings")
            .Description("警告 (warnings).")
            .Resolve(c => c.Source.Warnings);
    }
}
