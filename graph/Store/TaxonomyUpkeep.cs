using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Store;

/// <summary>Keeping the stored taxonomy equal to the reviewed vocabulary without rewriting it when it already is.
/// The API's start and every ingest bring the vocabulary; replacing an equal taxonomy would still move the content
/// version (every cached answer and read model thrown away at each restart) and, in SQLite, leave deletions in the
/// full-text index that every later search has to step over.</summary>
public static class TaxonomyUpkeep
{
    /// <summary>Replaces the taxonomy when the stored one (the sectors no document named) differs from
    /// <paramref name="sectors"/> in any sector's name, facet, parent or synonyms; returns whether it did.</summary>
    public static async Task<bool> EnsureTaxonomyAsync(this IGraphStore store, IReadOnlyList<Sector> sectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sectors);
        var stored = (await store.GetTaxonomyAsync(cancellationToken)).Where(s => s.NamedBy is null).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var wanted = sectors.DistinctBy(s => s.Id).ToList();
        if (wanted.Count == stored.Count && wanted.All(s => stored.TryGetValue(s.Id, out var known) && Same(s, known)))
        {
            return false;
        }
        await store.ReplaceTaxonomyAsync(sectors, cancellationToken);
        return true;
    }

    private static bool Same(Sector a, Sector b) =>
        a.Name == b.Name && a.Facet == b.Facet && a.ParentId == b.ParentId && a.NamedBy == b.NamedBy && a.Aliases.SequenceEqual(b.Aliases);
}
