using System.Text.Encodings.Web;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using SafetyDuty.Api.Http;
using SafetyDuty.Graph.Queries;

namespace SafetyDuty.Api.Schema;

/// <summary>Registers the schema, its safety limits, the per-request batch loader and the HTTP endpoint.</summary>
public static class GraphQLRegistration
{
    public static IServiceCollection AddSafetyDutyGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The schema's limits are fixed when it is built, so they are read here too; the bound options above are
        // what the start checks (a bad value stops the start with one line) and what the endpoint reads.
        var api = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();

        // Answers__Cache=false computes every answer afresh (the distinct-question load benchmark).
        var keepAnswers = configuration.GetValue("Answers:Cache", true);
        services.AddSingleton(new AnswerCache(keepAnswers));
        // Whole answers to queries asked again, within Answers:ResponseBytes (32 MiB by default).
        services.AddSingleton(new ResponseCache(keepAnswers, configuration.GetValue("Answers:ResponseBytes", 32L << 20)));
        services.AddSingleton(provider => new ReadModel(provider.GetRequiredService<SafetyDuty.Graph.Store.IGraphStore>(), readPlacesInBackground: true));
        services.AddSingleton<ResponsibilityQuery>();
        services.AddSingleton<ComparisonQuery>();
        services.AddSingleton<GapQuery>();
        services.AddScoped<GraphBatchLoader>();
        services.AddSingleton<ApiKeyCheck>();
        services.AddSingleton<GraphQLEndpoint>();
        services.AddSingleton<PersistedQueries>();
        services.AddCrossOriginCalls();

        services.AddGraphQL(builder =>
        {
            builder
                .AddSchema<SafetyDutySchema>()
                .AddGraphTypes(typeof(SafetyDutySchema).Assembly)
                // Chinese stays readable in responses: 应急管理局, not \u5E94…; answers are written by AnswerJsonConverter.
                .AddSystemTextJson(json =>
                {
                    json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
                    json.Converters.Add(new AnswerJsonConverter());
                })
                .AddErrorInfoProvider(new SuggestingErrorInfoProvider(new GraphQL.Execution.ErrorInfoProviderOptions { ExposeExceptionDetails = false }))
                // Complexity depends on the variables (first: $n), and the key on the caller: both run for cached documents too.
                .AddValidationRule(new QueryLimitsRule(Complexity(api)), useForCachedDocuments: true)
                .AddValidationRule<ApiKeyValidationRule>(useForCachedDocuments: true)
                .ConfigureExecutionOptions(execution =>
                {
                    // Bugs are logged with their stack; the client only sees "Error executing document".
                    var logger = execution.RequestServices!.GetRequiredService<ILogger<SafetyDutySchema>>();
                    execution.UnhandledExceptionDelegate = context =>
                    {
                        ExecutionLog.Failed(logger, context.OriginalException);
                        return Task.CompletedTask;
                    };
                })
                .ConfigureExecution<DocumentCache>()
                // Resolvers answer from memory (the read model) or through the batch loader, so running a level's
                // fields one after another costs less than starting a task for each; data loaders still batch a level.
                .AddExecutionStrategy<PlannedExecutionStrategy>(GraphQLParser.AST.OperationType.Query);
            if (!api.EnableIntrospection)
            {
                builder.AddValidationRule(NoIntrospectionValidationRule.Instance);
            }
        });
        services.AddSingleton(sp => sp.GetServices<GraphQL.DI.IConfigureExecution>().OfType<DocumentCache>().Single());
        // Registered after AddGraphQL, which registers the framework's validator only if none is: this one wraps it.
        services.AddSingleton<GraphQL.Validation.IDocumentValidator>(new KnownDocumentValidator(new GraphQL.Validation.DocumentValidator()));
        return services;
    }

    private static ComplexityOptions Complexity(ApiOptions api)
    {
        var options = new ComplexityOptions { MaxDepth = api.MaxDepth, MaxComplexity = api.MaxComplexity };
        // The delegates read a field's numbers (first, last) and whether an id is given, never a text: a document's
        // passing the limits is remembered by those alone (DocumentCache.LimitsKey).
        var standard = options.DefaultComplexityImpactDelegate;
        // Introspection is bounded by the schema's size, not by the data; counting its lists as 20 rows each would
        // refuse GraphiQL's own introspection query (complexity ≈ 500 000). The depth limit still applies to it.
        options.DefaultComplexityImpactDelegate = context =>
            context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                ? new FieldComplexityResult(0, 1)
                : standard(context);
        return options;
    }
}

internal static partial class ExecutionLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL execution failed")]
    public static partial void Failed(ILogger logger, Exception exception);
}
