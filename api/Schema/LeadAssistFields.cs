using GraphQL.Types;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Api.Schema;

/// <summary>The <c>lead</c> and <c>assist</c> body lists that comparison cells and gap findings share, declared once
/// so both types describe them in the same words.</summary>
internal static class LeadAssistFields
{
    public static void AddLeadAndAssist<TSource>(
        this ObjectGraphType<TSource> type,
        Func<TSource, IReadOnlyList<Body>> lead,
        Func<TSource, IReadOnlyList<Body>> assist)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BodyGraphType>>>, IReadOnlyList<Body>>("lead")
            .Description("牵头/主责单位 (bodies that lead).")
            .Resolve(c => lead(c.Source));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BodyGraphType>>>, IReadOnlyList<Body>>("assist")
            .Description("配合/协助单位 (bodies that assist).")
            .Resolve(c => assist(c.Source));
    }

    public static void AddConcerned<TSource>(this ObjectGraphType<TSource> type, Func<TSource, IReadOnlyList<Body>> concerned) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BodyGraphType>>>, IReadOnlyList<Body>>("concerned")
            .Description("负有相关职责的单位：职责涉及该领域，文件未定为牵头或配合 (bodies with a duty about it, neither lead nor assist).")
            .Resolve(c => concerned(c.Source));
}
