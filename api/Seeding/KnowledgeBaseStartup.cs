using Microsoft.Extensions.Options;
using SafetyDuty.Graph.Queries;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Reading;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Api.Seeding;

/// <summary>Prepares the store before the first request: schema, the reviewed sector taxonomy (whenever it differs, so a revised
/// vocabulary takes effect), and the bundled seed documents when the store is empty; then takes the read model's
/// first snapshot, whose places are read in the background, so that the first questions find them in memory.</summary>
public sealed partial class KnowledgeBaseStartup(
    IGraphStore store,
    ReadModel readModel,
    Vocabularies vocabularies,
    DutyDocumentReader reader,
    IOptions<SeedOptions> options,
    ILogger<KnowledgeBaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareStoreAsync(cancellationToken);
        await readModel.CurrentAsync(cancellationToken);
    }

    private async Task PrepareStoreAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await store.EnsureTaxonomyAsync(vocabularies.Sectors.Sectors, cancellationToken);
        if (!options.Value.OnEmpty)
        {
            return;
        }
        if (!await store.HoldsNoDocumentAsync(cancellationToken))
        {
            return;
        }
        var directory = SeedDirectory(options.Value.Documents);
        if (!Directory.Exists(directory))
        {
            LogNoSeedDirectory(directory);
            return;
        }
        var changed = 0;
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var read = reader.Read(file);
            var outcome = await store.LoadDocumentAsync(read.Graph, cancellationToken);
            LogSeedLoaded(file, read.Graph.Document.Title, read.Report.Duties, outcome);
            changed += outcome == LoadOutcome.Unchanged ? 0 : 1;
        }
        await store.CompactAfterLoadAsync(changed, intoEmptyStore: true, cancellationToken);
    }

    private static string SeedDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.Combine(AppContext.BaseDirectory, configured);
        }

        return BundledDocuments.Folder;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed directory {Directory} not found; the store stays empty")]
    private partial void LogNoSeedDirectory(string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed document {File} ({Title}): {Duties} duties, {Outcome}")]
    private partial void LogSeedLoaded(string file, string title, int duties, LoadOutcome outcome);
}
