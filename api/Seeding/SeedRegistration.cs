using SafetyDuty.Graph.Queries;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Api.Seeding;

public static class SeedRegistration
{
    /// <summary>The reader (the API never parses documents itself) and the start-up load of taxonomy and seeds.</summary>
    public static IServiceCollection AddKnowledgeBaseSeeding(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => Vocabularies.LoadDefault());
        // The interpreter (graph layer) reads questions with the same reviewed taxonomy the store is given at start,
        // plus the words officers ask with (topic-words.yaml): handed over as plain values, loaded once.
        services.AddSingleton(sp => new TopicInterpreter(sp.GetRequiredService<Vocabularies>().TopicWords));
        services.AddSingleton<DutyDocumentReader>();
        services.AddHostedService<KnowledgeBaseStartup>();
        return services;
    }
}
