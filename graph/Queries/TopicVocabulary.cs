using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Queries;

/// <summary>What the <see cref="TopicInterpreter"/> knows of the words officers ask with: the sector taxonomy (names
/// and synonyms, as the documents write them), everyday words that imply sectors (火锅店 → 餐饮, 油罐车 → 危险化学品 +
/// 道路运输), words that add nothing to a question (安全, 谁管), one-character particles (的, 用) and groups of characters
/// an input method confuses (气/汽). The reviewed data lives with the other vocabularies (seed/Vocabulary); the graph
/// layer takes it as plain values so that it depends on none of our other projects.</summary>
/// <param name="Sectors">The taxonomy, the same one the store holds.</param>
/// <param name="Phrases">Everyday words and abbreviations, each with the names of the sectors it implies.</param>
/// <param name="GenericWords">Words that are read and then ignored (安全, 管理, 监管, 谁负责).</param>
/// <param name="Particles">One-character function words ignored when they stand between understood words (的, 用, 吗).</param>
/// <param name="Homophones">Groups of characters that share a reading (气汽器), for typo corrections of short words.</param>
public sealed record TopicVocabulary(
    IReadOnlyList<Sector> Sectors,
    IReadOnlyList<TopicPhrase> Phrases,
    IReadOnlyCollection<string> GenericWords,
    string Particles,
    IReadOnlyList<string> Homophones);

/// <summary>An everyday word that implies sectors: 学校食堂 → 餐饮 + 学校.</summary>
public sealed record TopicPhrase(string Words, IReadOnlyList<string> SectorNames);

/// <summary>What an officer's words were read as (SPEC: <c>interpret</c>).</summary>
/// <param name="Text">The text as given.</param>
/// <param name="Terms">The words understood, in the order they were written, each with its sectors.</param>
/// <param name="Unknown">The words not understood.</param>
/// <param name="Suggestions">Sector names close to the words not understood (sharing characters with them).</param>
public sealed record Interpretation(
    string Text,
    IReadOnlyList<InterpretedTerm> Terms,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>True when at least one word names a sector.</summary>
    public bool IsUnderstood => Terms.Count > 0;

    /// <summary>Every sector read, once, in order.</summary>
    public IReadOnlyList<Sector> Sectors => Terms.SelectMany(t => t.Sectors).DistinctBy(s => s.Id).ToList();
}

/// <summary>One understood word and the sectors it names.</summary>
/// <param name="Words">The words as matched (after a correction, the corrected words: 燃气).</param>
/// <param name="Sectors">The sectors they name (one for a taxonomy term, one or more for an everyday phrase).</param>
/// <param name="CorrectedFrom">The words as typed when they were read as a correction (燃汽), else null.</param>
public sealed record InterpretedTerm(string Words, IReadOnlyList<Sector> Sectors, string? CorrectedFrom = null);

/// <summary>A topic as the queries take it: a name for it (the sector's name, or the topic as typed) and the sectors
/// it stands for (a sector and every sector under it).</summary>
public sealed record AskedTopic(string Name, IReadOnlyList<Sector> Sectors);
