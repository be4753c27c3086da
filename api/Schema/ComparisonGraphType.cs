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
        Field<NonNullGraphType<BooleanGraphType>, bool>("differs")
            .Description("有解读的各地分工不同：牵头单位的规范职能不同，或一地有牵头一地没有；某地没有解读不算不同 "
                + "(the places that say something split it differently, by agency type; a place with no reading differs from nobody).")
            .Resolve(c => c.Source.Differs);
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
        this.AddConcerned(s => s.Concerned);
        Field<NonNullGraphType<BooleanGraphType>, bool>("hasReading")
            .Description("此地文件是否说到该领域；否即“无解读”，不同于“牵头不同” (whether the place's documents say anything about the sector).")
            .Resolve(c => c.Source.HasReading);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyGraphType>>>, IReadOnlyList<Duty>>("evidence")
            .Description("本格牵头、配合所依据的职责条目，每条一次 (the duties behind the cell's leads and assists).")
            .Resolve(c => c.Source.Evidence);
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
        this.AddConcerned(s => s.Concerned);
        Field<NonNullGraphType<StringGraphType>, string>("problem")
            .Description("NO_LEAD（监管空白：有职责涉及但无牵头单位）| MULTIPLE_LEADS（职能交叉：多个牵头单位）(the problem).")
            .Resolve(c => ConstantCase.Of(c.Source.Problem));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyGraphType>>>, IReadOnlyList<Duty>>("evidence")
            .Description("依据的职责条目，每条原文一次，owner 为所属单位 (the duties behind the finding, each clause once).")
            .Resolve(c => c.Source.Evidence);
    }
}
