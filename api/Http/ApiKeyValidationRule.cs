using GraphQL.Validation;
using GraphQLParser.AST;

namespace SafetyDuty.Api.Http;

/// <summary>Refuses any mutation from a caller without a valid API key, before anything executes.
/// GraphQL.NET only attaches authorization metadata; this rule is the enforcement.</summary>
public sealed class ApiKeyValidationRule : ValidationRuleBase
{
    public const string Code = "UNAUTHENTICATED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation == OperationType.Mutation
            && context.UserContext is not GraphQLUserContext { HasValidApiKey: true })
        {
            context.ReportError(new ValidationError(
                context.Document.Source,
                null,
                (context.UserContext as GraphQLUserContext)?.WriteRefusal ?? new GraphQLUserContext(false).WriteRefusal,
                context.Operation)
            { Code = Code });
        }
        return default;
    }
}
