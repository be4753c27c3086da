using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Vocabulary;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SafetyDuty.Tests.Seed.Corpus;

/// <summary>The reader's corpus (tests/Seed/Corpus/): documents written for the tests in the forms places publish —
/// Word files with automatic numbering, portal pages, 权责清单 tables, town lists, sector-first lists — each beside
/// what a careful reader finds in it, Markdig's way. <c>STEM.expected.yaml</c> states the expectation for every file
/// <c>STEM.EXT</c> and <c>STEM.FORM.EXT</c>, so one document saved in several forms must read the same in all of them.
/// </summary>
/// <remarks>The expectation file:
/// <code>
/// place: 青山县                 # the jurisdiction the document governs
/// owners:                      # every body and leader that has duties, each with its duties' exact texts in order
///   - name: 县应急管理局
///     duties: [负责……。, ……]
///   - name: 镇长
///     leader: true
///     duties: [……]
/// bodies: [各乡镇（街道）]        # bodies without duties of their own (named in relations or groups)
/// relations:                   # every LEAD/ASSIST the document states, no more, no fewer: ROLE body sector
///   - LEAD 县住房和城乡建设局 燃气
/// </code>
/// The bodies read must be exactly the body owners and <c>bodies</c>; the leaders exactly the leader owners.</remarks>
public class CorpusDocumentTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Seed", "Corpus");

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in DocumentFiles())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void Every_document_has_its_expectation_and_every_expectation_a_document()
    {
        var stems = DocumentFiles().Select(StemOf).ToHashSet();
        var expectations = Directory.GetFiles(Folder, "*.expected.yaml").Select(StemOf).ToHashSet();
        Assert.Empty(stems.Except(expectations));
        Assert.Empty(expectations.Except(stems));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Reads_every_body_leader_duty_and_relation_the_document_states(string file)
    {
        var expected = Expectation(StemOf(file));
        var graph = SeedCorpus.Reader.Read(Path.Combine(Folder, file)).Graph;

        if (expected.Place is not null)
        {
            Assert.Equal(expected.Place, graph.Nodes.OfType<Jurisdiction>().Single().Name);
        }

        var expectedBodies = expected.Owners.Where(o => !o.Leader).Select(o => o.Name).Concat(expected.Bodies);
        Assert.Equal(Sorted(expectedBodies), Sorted(graph.Nodes.OfType<Body>().Select(b => b.Name)));
        Assert.Equal(Sorted(expected.Owners.Where(o => o.Leader).Select(o => o.Name)),
            Sorted(graph.Nodes.OfType<Leader>().Select(l => l.Title)));

        var ownerNames = graph.Nodes.OfType<Body>().ToDictionary(b => b.Id, b => b.Name);
        foreach (var leader in graph.Nodes.OfType<Leader>())
        {
            ownerNames[leader.Id] = leader.Title;
        }
        var dutiesByOwner = graph.Nodes.OfType<Duty>().GroupBy(d => ownerNames[d.OwnerId])
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.Order).Select(d => d.Text).ToList());
        foreach (var owner in expected.Owners)
        {
            var actual = dutiesByOwner.GetValueOrDefault(owner.Name) ?? [];
            // Text by text first, so a failure names the first duty that differs rather than a list.
            for (var i = 0; i < Math.Min(owner.Duties.Count, actual.Count); i++)
            {
                Assert.True(owner.Duties[i] == actual[i],
                    $"{owner.Name} 第 {i + 1} 项职责 (duty {i + 1}):\n期望 (expected): {owner.Duties[i]}\n实际 (actual):   {actual[i]}");
            }
            Assert.True(owner.Duties.Count == actual.Count,
                $"{owner.Name}: 期望 {owner.Duties.Count} 项职责，实际 {actual.Count} 项 (duty count)");
        }
        // Bodies that the expectation says have no duties must have none either.
        foreach (var name in expected.Bodies)
        {
            Assert.False(dutiesByOwner.ContainsKey(name), $"{name} 不应有职责 (expected no duties)");
        }

        var sectors = Vocabularies.LoadDefault().Sectors.Sectors.ToDictionary(s => s.Id, s => s.Name);
        foreach (var sector in graph.Nodes.OfType<Sector>())
        {
            sectors[sector.Id] = sector.Name;
        }
        var relations = graph.Edges.Where(e => e.Type is EdgeType.Lead or EdgeType.Assist)
            .Select(e => $"{(e.Type == EdgeType.Lead ? "LEAD" : "ASSIST")} {ownerNames[e.FromId]} {sectors[e.ToId]}");
        var actualRelations = relations.ToHashSet();
        var missing = expected.Relations.Where(r => !actualRelations.Contains(r)).ToList();
        var extra = actualRelations.Except(expected.Relations).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{file}\n缺少的关系 (missing):\n  {string.Join("\n  ", missing)}\n多出的关系 (extra):\n  {string.Join("\n  ", extra)}");
    }

    [Fact]
    public void Every_form_of_one_document_gives_the_same_graph()
    {
        foreach (var forms in DocumentFiles().GroupBy(StemOf).Where(g => g.Count() > 1))
        {
            var graphs = forms.Select(f => (File: Path.GetFileName(f), Graph: SeedCorpus.Reader.Read(f).Graph)).ToList();
            var first = Describe(graphs[0].Graph);
            foreach (var other in graphs.Skip(1))
            {
                var differences = first.Except(Describe(other.Graph)).Take(5).ToList();
                Assert.True(differences.Count == 0 && first.Count == Describe(other.Graph).Count,
                    $"{graphs[0].File} ≠ {other.File}:\n  {string.Join("\n  ", differences)}");
            }
        }

        static List<string> Describe(DocumentGraph graph) =>
        [
            .. graph.Nodes.Where(n => n is not Document).Select(n => n is Duty d ? $"{d.Id} {d.Locator} {d.Text}" : $"{n.Id} {n.DisplayName}").Order(StringComparer.Ordinal),
            .. graph.Edges.Select(e => $"{e.Type} {e.FromId} {e.ToId} {e.Scope}").Order(StringComparer.Ordinal),
        ];
    }

    private static IEnumerable<string> DocumentFiles() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder).Where(f => !f.EndsWith(".expected.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];

    // town-list.auto-numbered.docx and town-list.txt are two forms of town-list.
    private static string StemOf(string file)
    {
        var name = Path.GetFileName(file);
        return name[..name.IndexOf('.', StringComparison.Ordinal)];
    }

    private static List<string> Sorted(IEnumerable<string> items) => items.Order(StringComparer.Ordinal).ToList();

    private static ExpectedDocument Expectation(string stem)
    {
        using var reader = new StreamReader(Path.Combine(Folder, stem + ".expected.yaml"));
        return Yaml.Deserialize<ExpectedDocument>(reader) ?? throw new InvalidDataException($"{stem}.expected.yaml is empty");
    }

    private sealed class ExpectedDocument
    {
        public string? Place { get; set; }
        public List<ExpectedOwner> Owners { get; set; } = [];
        public List<string> Bodies { get; set; } = [];
        public List<string> Relations { get; set; } = [];
    }

    private sealed class ExpectedOwner
    {
        public string Name { get; set; } = "";
        public bool Leader { get; set; }
        public List<string> Duties { get; set; } = [];
    }
}
