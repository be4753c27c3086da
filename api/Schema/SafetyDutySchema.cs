namespace SafetyDuty.Api.Schema;

/// <summary>The SafetyDuty GraphQL schema: the read-only queries and the key-protected mutation.</summary>
public sealed class SafetyDutySchema : GraphQL.Types.Schema
{
    public SafetyDutySchema(IServiceProvider services)
        : base(services)
    {
        Description = "SafetyDuty 安全生产职责清单知识库 (knowledge base of work-safety duty lists).";
        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
    }
}
