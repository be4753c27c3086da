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
        var section = configuration.GetSection(ApiOptions.Section);
        services.Configure<ApiOptions>(section);
        var api = section.Get<ApiOptions>() ?? new ApiOptions();

        services.AddSingleton<ResponsibilityQuery>();
        services.AddSingleton<ComparisonQuery>();
        services.AddSingleton<GapQuery>();
        services.AddScoped<GraphBatchLoader>();
        services.AddSingleton<ApiKeyCheck>();
        services.AddSingleton<GraphQLEndpoint>();

        services.AddGraphQL(builder =>
        {
            builder
                .AddSchema<SafetyDutySchema>()
                .AddGraphTypes(typeof(SafetyDutySchema).Assembly)
                // Chinese stays readable in responses: 应急管理局, not \u5E94….
                .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
                .AddErrorInfoProvider(errors => errors.ExposeExceptionDetails = false)
                // Complexity depends on the variables (first: $n), and the key on the caller: both run for cached documents too.
                .AddValidationRule<ComplexityValidationRule>(useForCachedDocuments: true)
                .AddValidationRule<ApiKeyValidationRule>(useForCachedDocuments: true)
                .ConfigureExecution<DocumentCache>();
            if (!api.EnableIntrospection)
            {
                builder.AddValidationRule(NoIntrospectionValidationRule.Instance);
            }
        });
        services.Configure<ComplexityOptions>(complexity =>
        {
            complexity.MaxDepth = api.MaxDepth;
            complexity.MaxComplexity = api.MaxComplexity;
        });
        services.AddSingleton(sp => sp.GetServices<GraphQL.DI.IConfigureExecution>().OfType<DocumentCache>().Single());
        return services;
    }
}
