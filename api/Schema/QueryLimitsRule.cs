using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;
using static System.FormattableString;

namespace SafetyDuty.Api.Schema;

/// <summary>The engine's depth and complexity limits (GraphQL.NET's own analysis), refused in Chinese and English
/// with the limit stated first and plainly, then what this query measured, then what to do about it.</summary>
public sealed class QueryLimitsRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    private readonly ComplexityOptions _options = options;

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_options.MaxDepth is { } depthLimit && maxDepth > depthLimit)
        {
            context.ReportError(new ComplexityError(
                Invariant($"查询嵌套过深：上限为 {depthLimit} 层，本查询有 {maxDepth} 层；请减少嵌套 ")
                + Invariant($"(the query is nested too deep: the limit is {depthLimit} levels, this query has {maxDepth}; nest fewer selections).")));
            return default;
        }

        if (_options.MaxComplexity is { } complexityLimit && totalComplexity > complexityLimit)
        {
            context.ReportError(new ComplexityError(
                Invariant($"查询过于复杂：上限为 {complexityLimit:0}，本查询为 {totalComplexity:0}；请减少嵌套的列表，或用 first 取更小的页 ")
                + Invariant($"(the query is too complex: the limit is {complexityLimit:0}, this query's complexity is {totalComplexity:0}; ")
                + "ask for fewer nested lists, or smaller pages with first)."));
            return default;
        }

        return base.ValidateComplexityAsync(context, totalComplexity, maxDepth);
    }
}
