using GraphQL.Introspection;
using GraphQL.Types;

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
        // Introspection as of the October 2021 specification, which client tools ask for (graphql-js
        // getIntrospectionQuery with directiveIsRepeatable and inputValueDeprecation): GraphQL.NET 8 has both
        // behind its experimental switches.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    /// <summary>What GraphQL.NET 8 lacks of the October 2021 introspection, where a tool that asks for it
    /// (getIntrospectionQuery with specifiedByUrl and inputValueDeprecation) would be refused whole:
    /// <c>__Type.specifiedByURL</c>, and <c>includeDeprecated</c> on <c>__Directive.args</c>.</summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        if (graphType is __Type type && !type.HasField("specifiedByURL"))
        {
            // The schema has only the built-in scalars, which the specification gives no URL: null for every type.
            type.Field<StringGraphType>("specifiedByURL")
                .Description("A URL that specifies a custom scalar's behaviour; null for the built-in scalars and every other type.")
                .Resolve(_ => null);
        }

        if (graphType is __Directive directive && directive.GetField("args") is { } args
            && args.Arguments?.Find("includeDeprecated") is null)
        {
            // No directive argument here is deprecated, so the list is the same either way.
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
        }
    }
}
