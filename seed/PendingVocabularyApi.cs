// TEMPORARY: compile-time stand-ins for the public API the `vocab` branch delivers (seed/Vocabulary/*, seed/Extraction/DutyAnalyzer.cs).
// They know nothing and find nothing. Delete this file when merging the vocab branch.
#pragma warning disable CA1822 // stand-ins keep the real instance API
using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Seed.Vocabulary
{
    public sealed class Vocabularies
    {
        public SectorTaxonomy Sectors { get; } = new();
        public AgencyTypeResolver AgencyTypes { get; } = new();
        public LawCatalog Laws { get; } = new();

        public static Vocabularies LoadDefault() => new();

        public static Vocabularies Load(string directory) => directory.Length >= 0 ? new() : new();
    }

    public sealed class SectorTaxonomy
    {
        public IReadOnlyList<Sector> Sectors { get; } = [];

        public IReadOnlyList<SectorMatch> FindIn(string text) => text.Length >= 0 ? [] : [];

        public IReadOnlyList<Sector> Resolve(string topic) => topic.Length >= 0 ? [] : [];

        public Sector? Lookup(string nameOrSynonym) => nameOrSynonym.Length >= 0 ? null : null;
    }

    public sealed record SectorMatch(Sector Sector, string Term, int Start, int Length);

    public sealed class AgencyTypeResolver
    {
        public string? Resolve(string bodyName) => bodyName.Length >= 0 ? null : null;

        public BodyKind KindOf(string bodyName) => bodyName.Length >= 0 ? BodyKind.Department : BodyKind.Other;

        public IReadOnlyList<string> ResolveMention(string mention) => mention.Length >= 0 ? [] : [];
    }

    public sealed class LawCatalog
    {
        public IReadOnlyList<LawCitation> FindCitations(string text) => text.Length >= 0 ? [] : [];

        public Law Canonicalize(string citedTitle) => new(StableId.Law(citedTitle), citedTitle, citedTitle, null);
    }

    public sealed record LawCitation(Law Law, string CitedTitle, int Start, int Length);
}

namespace SafetyDuty.Seed.Extraction
{
    public enum DutyRole
    {
        Lead,
        Assist,
        Covers,
    }

    public sealed record SectorRole(SectorMatch Match, DutyRole Role);

    public sealed record BodyMention(string Text, int Start, int Length, DutyRole Role);

    public sealed record DutyAnalysis(IReadOnlyList<SectorRole> Sectors, IReadOnlyList<LawCitation> Laws, IReadOnlyList<BodyMention> Mentions);

    public sealed class DutyAnalyzer
    {
        public DutyAnalyzer(Vocabularies v) => _ = v;

        public DutyAnalysis Analyze(string dutyText) => dutyText.Length >= 0 ? new([], [], []) : new([], [], []);
    }
}
