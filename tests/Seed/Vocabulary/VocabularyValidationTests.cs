using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed.Vocabulary;

public sealed class VocabularyValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vocab-").FullName;

    public VocabularyValidationTests()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "Vocabulary");
        foreach (var file in Directory.GetFiles(shipped, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private VocabularyException LoadFails(string file, string content)
    {
        File.WriteAllText(Path.Combine(_dir, file), content);
        return Assert.Throws<VocabularyException>(() => Vocabularies.Load(_dir));
    }

    [Fact]
    public void Loads_the_shipped_vocabularies()
    {
        var v = Vocabularies.Load(_dir);
        Assert.NotEmpty(v.Sectors.Sectors);
        Assert.NotEmpty(v.AgencyTypes.Types);
        Assert.NotEmpty(v.Laws.Entries);
    }

    [Fact]
    public void Rejects_a_synonym_claimed_by_two_sectors_naming_file_and_line()
    {
        var e = LoadFails("sectors.yaml", """
            sectors:
              - name: 燃气
                facet: hazard
                synonyms: [天然气]
                seen: test
              - name: 油气
                facet: hazard
                synonyms: [石油, 天然气]
                seen: test
            """);
        Assert.Equal("sectors.yaml", e.File);
        Assert.Equal(8, e.Line);
        Assert.Contains("天然气", e.Message);
        Assert.Contains("燃气", e.Message);
        Assert.Contains("第 8 行", e.Message);
    }

    [Fact]
    public void Rejects_an_unknown_parent()
    {
        var e = LoadFails("sectors.yaml", """
            sectors:
              - name: 燃气
                facet: hazard
                seen: test
              - name: 城镇燃气
                parent: 煤气
                seen: test
            """);
        Assert.Equal(5, e.Line);
        Assert.Contains("煤气", e.Reason);
    }

    [Fact]
    public void Rejects_a_parent_cycle()
    {
        var e = LoadFails("sectors.yaml", """
            sectors:
              - name: 甲行业
                parent: 乙行业
                facet: hazard
                seen: test
              - name: 乙行业
                parent: 甲行业
                facet: hazard
                seen: test
            """);
        Assert.Contains("循环", e.Reason);
    }

    [Fact]
    public void Rejects_an_entry_without_a_seen_note_or_with_a_one_character_term()
    {
        Assert.Contains("seen", LoadFails("sectors.yaml", "sectors:\n  - name: 燃气\n    facet: hazard\n").Reason);
        Assert.Equal(4, LoadFails("sectors.yaml", "sectors:\n  - name: 燃气\n    facet: hazard\n    synonyms: [气]\n    seen: x\n").Line);
    }

    [Fact]
    public void Rejects_bad_yaml_with_its_line()
    {
        var e = LoadFails("laws.yaml", "laws:\n  - canonical: 安全生产法\n    cited: [安全生产法\n    level: national-law\n");
        Assert.Equal("laws.yaml", e.File);
        Assert.True(e.Line >= 3, $"line {e.Line}");
        Assert.Contains("YAML", e.Reason);
    }

    [Fact]
    public void Rejects_an_alias_claimed_by_two_agency_types()
    {
        var e = LoadFails("agency-types.yaml", """
            types:
              - type: 应急管理
                aliases: [安监局]
                seen: test
              - type: 市场监督管理
                aliases: [工商局, 安监局]
                seen: test
            kinds:
              - kind: Department
                endsWith: [局]
                seen: test
            """);
        Assert.Equal(6, e.Line);
        Assert.Contains("安监局", e.Reason);
    }

    [Fact]
    public void Rejects_an_unknown_kind()
    {
        var e = LoadFails("agency-types.yaml", "types:\n  - type: 公安\n    seen: x\nkinds:\n  - kind: Ministry\n    endsWith: [部]\n    seen: x\n");
        Assert.Equal(5, e.Line);
        Assert.Contains("Ministry", e.Reason);
    }

    [Fact]
    public void Rejects_an_unknown_law_level()
    {
        Assert.Equal(2, LoadFails("laws.yaml", "laws:\n  - canonical: 某法\n    level: constitution\n    seen: x\n").Line);
    }

    [Fact]
    public void Names_a_missing_file()
    {
        File.Delete(Path.Combine(_dir, "laws.yaml"));
        var e = Assert.Throws<VocabularyException>(() => Vocabularies.Load(_dir));
        Assert.Equal("laws.yaml", e.File);
    }

    // topic-words.yaml: the words officers ask with. The rest of a valid file, so each test breaks one thing.
    private const string TopicWordsTail = """
        generic:
          - words: [谁管]
            usage: test
        particles:
          characters: 的用
          usage: test
        homophones:
          - characters: 气汽
            usage: qi
        """;

    [Fact]
    public void Loads_the_shipped_question_words_with_a_reason_for_every_entry()
    {
        var words = Vocabularies.Load(_dir).TopicWords;
        Assert.Contains(words.Phrases, p => p.Words == "火锅店" && p.SectorNames.SequenceEqual(["餐饮"]));
        Assert.Contains(words.Phrases, p => p.Words == "学校食堂" && p.SectorNames.SequenceEqual(["餐饮", "学校"]));
        Assert.Contains("谁负责", words.GenericWords);
        Assert.Contains('的', words.Particles);
    }

    [Fact]
    public void Rejects_a_question_word_that_is_already_a_sector_term()
    {
        var e = LoadFails("topic-words.yaml", "phrases:\n  - words: [饭馆, 天然气]\n    sectors: [燃气]\n    usage: test\n" + TopicWordsTail);
        Assert.Equal("topic-words.yaml", e.File);
        Assert.Equal(2, e.Line);
        Assert.Contains("天然气", e.Reason);
        Assert.Contains("燃气", e.Reason);
    }

    [Fact]
    public void Rejects_a_question_word_read_two_ways()
    {
        var e = LoadFails("topic-words.yaml",
            "phrases:\n  - words: [罐车]\n    sectors: [燃气]\n    usage: test\n  - words: [罐车]\n    sectors: [危险化学品]\n    usage: test\n" + TopicWordsTail);
        Assert.Equal(5, e.Line);
        Assert.Contains("罐车", e.Reason);
    }

    [Fact]
    public void Rejects_a_phrase_for_an_unknown_sector()
    {
        var e = LoadFails("topic-words.yaml", "phrases:\n  - words: [火锅店]\n    sectors: [饮食]\n    usage: test\n" + TopicWordsTail);
        Assert.Equal(3, e.Line);
        Assert.Contains("饮食", e.Reason);
    }

    [Fact]
    public void Rejects_a_question_word_without_a_seen_or_usage_note()
    {
        var e = LoadFails("topic-words.yaml", "phrases:\n  - words: [火锅店]\n    sectors: [餐饮]\n" + TopicWordsTail);
        Assert.Equal(2, e.Line);
        Assert.Contains("usage", e.Reason);
    }

    [Fact]
    public void Rejects_a_one_character_question_word()
    {
        var e = LoadFails("topic-words.yaml", "phrases:\n  - words: [锅]\n    sectors: [餐饮]\n    usage: test\n" + TopicWordsTail);
        Assert.Equal(2, e.Line);
        Assert.Contains("锅", e.Reason);
    }

    [Fact]
    public void Rejects_a_character_in_two_homophone_groups()
    {
        var e = LoadFails("topic-words.yaml", """
            phrases:
              - words: [火锅店]
                sectors: [餐饮]
                usage: test
            generic:
              - words: [谁管]
                usage: test
            particles:
              characters: 的用
              usage: test
            homophones:
              - characters: 气汽
                usage: qi
              - characters: 器汽
                usage: qi
            """);
        Assert.Equal(14, e.Line);
        Assert.Contains("汽", e.Reason);
    }
}
