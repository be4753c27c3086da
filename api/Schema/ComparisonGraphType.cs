using GraphQL.Types;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Comparison</c>.</summary>
public sealed class ComparisonGraphType : ObjectGraphType<Comparison>
{
    public ComparisonGraphType()
    {
        Name = "Comparison";
        Description = "行业领域 × 行政区域 对照表 (a sectors × places matrix).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JurisdictionGraphType>>>, IReadOnlyList<Jurisdiction>>("jurisdictions")
            .Description("所比较的行政区域，按请求顺序 (the places, in the order asked).")
            .Resolve(c => c.Source.Jurisdictions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComparisonRowGraphType>>>, IReadOnlyList<ComparisonRow>>("rows")
            .Description("每个行业领域一行 (one row per sector).")
            .Resolve(c => c.Source.Rows);
    }
}

/// <summary>GraphQL type <c>ComparisonRow</c>.</summary>
public sealed class ComparisonRowGraphType : ObjectGraphType<ComparisonRow>
{
    public ComparisonRowGraphType()
    {
        Name = "ComparisonRow";
        Description = "一个行业领域在各地的分工 (one sector across the places).";
        Field<NonNullGraphType<SectorGraphType>, Sector>("sector").Description("行业领域 (the sector).").Resolve(c => c.Source.Sector);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComparisonCellGraphType>>>, IReadOnlyList<ComparisonCell>>("cells")
            .Description("每个行政区域一格，按请求顺序 (one cell per place, in the order asked).")
            .Resolve(c => c.Source.Cells);
    }
}

/// <summary>GraphQL type <c>ComparisonCell</c>.</summary>
public sealed class ComparisonCellGraphType : ObjectGraphType<ComparisonCell>
{
    public ComparisonCellGraphType()
    {
        Name = "ComparisonCell";
        Description = "某地某领域谁牵头、谁配合 (who leads and who assists one sector in one place).";
        Field<NonNullGraphType<JurisdictionGraphType>, Jurisdiction>("jurisdiction")
            .Description("行政区域 (the place).")
            .Resolve(c => c.Source.Jurisdiction);
        this.AddLeadAndAssist(s => s.Lead, s => s.Assist);
    }
}

/// <summary>GraphQL type <c>SectorCoverage</c>.</summary>
public sealed class SectorCoverageGraphType : ObjectGraphType<SectorCoverage>
{
    public SectorCoverageGraphType()
    {
        Name = "SectorCoverage";
        Description = "某地某领域的监管空白或职能交叉 (a sector with no lead, or with more than one, in one place).";
        Field<NonNullGraphType<SectorGraphType>, Sector>("sector").Description("行业领域 (the sector).").Resolve(c => c.Source.Sector);
        this.AddLeadAndAssist(s => s.Lead, s => s.Assist);
        Field<NonNullGraphType<StringGraphType>, string>("problem")
            .Description("NO_LEAD（监管空白：有职责涉及但无牵头单位）| MULTIPLE_LEADS（职能交叉：多个牵头单位）(the problem).")
            .Resolve(c => ConstantCase.Of(c.Source.Problem));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyGraphType>>>, IReadOnlyList<Duty>>("evidence")
            .Description("依据的职责条目 (the duties behind the finding).")
            .Resolve(c => c.Source.Evidence);
    }
}
