using SafetyDuty.Graph.Queries;

namespace SafetyDuty.Seed.Vocabulary;

/// <summary>The reviewed vocabularies, loaded and validated together at start: sectors.yaml,
/// agency-types.yaml, laws.yaml and topic-words.yaml (the words officers ask with). A file that fails validation stops the load with a
/// <see cref="VocabularyException"/> naming file and line.</summary>
public sealed class Vocabularies
{
    public const string SectorsFile = "sectors.yaml";
    public const string AgencyTypesFile = "agency-types.yaml";
    public const string LawsFile = "laws.yaml";
    public const string TopicWordsFile = "topic-words.yaml";

    private static readonly Lazy<Vocabularies> Default = new(() => Load(DefaultDirectory()));

    private Vocabularies(SectorTaxonomy sectors, AgencyTypeResolver agencyTypes, LawCatalog laws, TopicVocabulary topicWords)
    {
        Sectors = sectors;
        AgencyTypes = agencyTypes;
        Laws = laws;
        TopicWords = topicWords;
    }

    public SectorTaxonomy Sectors { get; }

    public AgencyTypeResolver AgencyTypes { get; }

    public LawCatalog Laws { get; }

    /// <summary>What the topic interpreter reads questions with: the taxonomy and the words of topic-words.yaml.</summary>
    public TopicVocabulary TopicWords { get; }

    /// <summary>The vocabularies copied beside the assembly (seed/Vocabulary/*.yaml). Loaded once per process;
    /// they are immutable.</summary>
    public static Vocabularies LoadDefault() => Default.Value;

    /// <summary>Loads and validates the files from a directory.</summary>
    public static Vocabularies Load(string directory)
    {
        var sectors = SectorTaxonomy.Load(VocabularyYaml.Load(Path.Combine(directory, SectorsFile)));
        return new(
            sectors,
            AgencyTypeResolver.Load(VocabularyYaml.Load(Path.Combine(directory, AgencyTypesFile))),
            LawCatalog.Load(VocabularyYaml.Load(Path.Combine(directory, LawsFile))),
            QuestionWords.Load(VocabularyYaml.Load(Path.Combine(directory, TopicWordsFile)), sectors));
    }

    private static string DefaultDirectory()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "seed", "Vocabulary"),
            Path.Combine(AppContext.BaseDirectory, "Vocabulary"),
        ];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, SectorsFile)))
            ?? throw new VocabularyException(SectorsFile, 0, $"找不到词表目录（vocabulary directory not found beside {AppContext.BaseDirectory}）");
    }
}
