using SafetyDuty.Graph.Queries;
using YamlDotNet.RepresentationModel;

namespace SafetyDuty.Seed.Vocabulary;

/// <summary>The words officers ask with (topic-words.yaml), validated against the sector taxonomy and handed to the
/// graph layer's <see cref="TopicInterpreter"/> as a <see cref="TopicVocabulary"/>.</summary>
public static class QuestionWords
{
    internal static TopicVocabulary Load(VocabularyYaml yaml, SectorTaxonomy sectors)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        void Claim(string word, YamlNode node, string entry)
        {
            if (sectors.Lookup(word) is { } sector)
            {
                throw yaml.Error(node, $"词语 {word} 已是行业领域 {sector.Name} 的名称或同义词（already a sector term; edit sectors.yaml instead）");
            }
            if (claimed.TryGetValue(word, out var other))
            {
                throw yaml.Error(node, $"词语 {word} 同时出现在 {other} 和 {entry}（a word must be read one way）");
            }
            if (word.Length < 2)
            {
                throw yaml.Error(node, $"词语 {word} 过短（a word must be at least two characters; single characters go in particles）");
            }
            claimed[word] = entry;
        }

        var phrases = new List<TopicPhrase>();
        foreach (var item in yaml.TopLevelList("phrases"))
        {
            var entry = yaml.Mapping(item, "问话用语条目");
            yaml.OnlyKeys(entry, "words", "sectors", "seen", "usage");
            RequireReason(yaml, entry);
            var names = yaml.List(entry, "sectors");
            if (names.Count == 0)
            {
                throw yaml.Error(entry, "缺少 sectors（missing sectors: which sectors the words imply）");
            }
            foreach (var (name, node) in names)
            {
                if (sectors.Sectors.All(s => s.Name != name))
                {
                    throw yaml.Error(node, $"行业领域 {name} 不存在（unknown sector; use a name from sectors.yaml）");
                }
            }
            var sectorNames = names.ConvertAll(n => n.Value);
            foreach (var (word, node) in Words(yaml, entry))
            {
                Claim(word, node, $"phrases（{string.Join("、", sectorNames)}）");
                phrases.Add(new TopicPhrase(word, sectorNames));
            }
        }

        var generic = new List<string>();
        foreach (var item in yaml.TopLevelList("generic"))
        {
            var entry = yaml.Mapping(item, "通用词条目");
            yaml.OnlyKeys(entry, "words", "seen", "usage");
            RequireReason(yaml, entry);
            foreach (var (word, node) in Words(yaml, entry))
            {
                Claim(word, node, "generic");
                generic.Add(word);
            }
        }

        var particlesEntry = yaml.Mapping(yaml.Child(yaml.Root, "particles"), "particles");
        yaml.OnlyKeys(particlesEntry, "characters", "usage", "seen");
        RequireReason(yaml, particlesEntry);
        var particles = yaml.Required(particlesEntry, "characters");
        if (particles.Distinct().Count() != particles.Length || particles.Any(char.IsWhiteSpace))
        {
            throw yaml.Error(particlesEntry, "particles 的 characters 应为不重复的单字（distinct characters, no spaces）");
        }

        var homophones = new List<string>();
        var groupOf = new Dictionary<char, string>();
        foreach (var item in yaml.TopLevelList("homophones"))
        {
            var entry = yaml.Mapping(item, "同音字条目");
            yaml.OnlyKeys(entry, "characters", "usage", "seen");
            RequireReason(yaml, entry);
            var group = yaml.Required(entry, "characters");
            if (group.Distinct().Count() < 2 || group.Distinct().Count() != group.Length || group.Any(char.IsWhiteSpace))
            {
                throw yaml.Error(entry, $"同音字组 {group} 应为至少两个不重复的单字（at least two distinct characters）");
            }
            foreach (var c in group)
            {
                if (groupOf.TryGetValue(c, out var other))
                {
                    throw yaml.Error(entry, $"字 {c} 同时属于同音字组 {other} 和 {group}（a character belongs to one group）");
                }
                groupOf[c] = group;
            }
            homophones.Add(group);
        }

        return new TopicVocabulary(sectors.Sectors, phrases, generic, particles, homophones);
    }

    private static List<(string Value, YamlNode Node)> Words(VocabularyYaml yaml, YamlMappingNode entry)
    {
        var words = yaml.List(entry, "words");
        return words.Count > 0 ? words : throw yaml.Error(entry, "缺少 words（missing words）");
    }

    // Reviewed data: an entry says why, from a document (seen) or from everyday usage (usage).
    private static void RequireReason(VocabularyYaml yaml, YamlMappingNode entry)
    {
        if (yaml.Optional(entry, "seen") is null && yaml.Optional(entry, "usage") is null)
        {
            throw yaml.Error(entry, "缺少 seen 或 usage（say why: where a document writes it, or the everyday usage）");
        }
    }
}
