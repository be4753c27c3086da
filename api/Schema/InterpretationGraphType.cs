using GraphQL.Types;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Interpretation</c>: what an officer's words were read as.</summary>
public sealed class InterpretationGraphType : ObjectGraphType<Interpretation>
{
    public InterpretationGraphType()
    {
        Name = "Interpretation";
        Description = "问话读成了什么：识别的词及其行业领域、错字更正、未读懂的词与建议 (what an officer's words were read as).";
        Field<NonNullGraphType<StringGraphType>, string>("text").Description("原话 (the text as given).").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InterpretedTermGraphType>>>, IReadOnlyList<InterpretedTerm>>("terms")
            .Description("识别出的词，按原话顺序，各带所指的行业领域；安全、管理、谁管 等通用词不列出 (the words understood, in order).")
            .Resolve(c => c.Source.Terms);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("unknown")
            .Description("未读懂的词 (the words not understood).")
            .Resolve(c => c.Source.Unknown);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("suggestions")
            .Description("与未读懂的词相近的行业领域名称 (sector names close to the words not understood).")
            .Resolve(c => c.Source.Suggestions);
    }
}

/// <summary>GraphQL type <c>InterpretedTerm</c>.</summary>
public sealed class InterpretedTermGraphType : ObjectGraphType<InterpretedTerm>
{
    public InterpretedTermGraphType()
    {
        Name = "InterpretedTerm";
        Description = "识别出的一个词及其所指的行业领域，如 火锅店 → 餐饮、学校食堂 → 餐饮 + 学校 (one understood word and its sectors).";
        Field<NonNullGraphType<StringGraphType>, string>("words")
            .Description("识别的词；更正过的为更正后的词 (the words matched; after a correction, the corrected words).")
            .Resolve(c => c.Source.Words);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorGraphType>>>, IReadOnlyList<Sector>>("sectors")
            .Description("所指的行业领域（查询时各含其下级领域）(the sectors named; each stands for its sub-sectors too).")
            .Resolve(c => c.Source.Sectors);
        Field<StringGraphType, string?>("correctedFrom")
            .Description("按错字更正时，原来输入的词，如 燃汽 (the words as typed, when read as a correction).")
            .Resolve(c => c.Source.CorrectedFrom);
    }
}

/// <summary>GraphQL type <c>TextSpan</c>.</summary>
public sealed class TextSpanGraphType : ObjectGraphType<TextSpan>
{
    public TextSpanGraphType()
    {
        Name = "TextSpan";
        Description = "文字中检索命中的一段，用于高亮 (a stretch of text a search matched, for highlighting).";
        Field<NonNullGraphType<IntGraphType>, int>("start").Description("起始位置（字符，从 0 起）(offset of the first character).").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<IntGraphType>, int>("length").Description("长度（字符）(number of characters).").Resolve(c => c.Source.Length);
    }
}
