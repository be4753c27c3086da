using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed;

/// <summary>The five bundled seed documents, read once per test run.</summary>
internal static class SeedCorpus
{
    public const string Kunshan = "000_0739468ef9d9daad.txt";
    public const string Weidu = "001_bd4f470bc38438cf.txt";
    public const string Luoyang = "002_3822b992ec9df3cf.txt";
    public const string Zhangshanzi = "003_4e6002834ccb5faf.txt";
    public const string Korla = "004_ae1dc9fe677a1dab.txt";

    public static readonly string[] All = [Kunshan, Weidu, Luoyang, Zhangshanzi, Korla];

    private static readonly Lazy<DutyDocumentReader> SharedReader = new(() => new DutyDocumentReader(Vocabularies.LoadDefault()));
    private static readonly Dictionary<string, DocumentReadResult> Cache = [];

    public static DutyDocumentReader Reader => SharedReader.Value;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "documents", file);

    public static DocumentReadResult Read(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var result))
            {
                result = Reader.Read(PathOf(file));
                Cache[file] = result;
            }

            return result;
        }
    }

    // The body of that name, or else the one body known by it as another name (交通部门 for 交通运输部门).
    public static Body Body(this DocumentGraph graph, string name) =>
        graph.Nodes.OfType<Body>().SingleOrDefault(b => b.Name == name)
        ?? graph.Nodes.OfType<Body>().SingleOrDefault(b => b.Aliases.Contains(name))
        ?? throw new InvalidOperationException($"no body {name}");

    public static Leader Leader(this DocumentGraph graph, string title) =>
        graph.Nodes.OfType<Leader>().SingleOrDefault(b => b.Title == title) ?? throw new InvalidOperationException($"no leader {title}");

    public static List<Duty> DutiesOf(this DocumentGraph graph, string ownerId) =>
        graph.Nodes.OfType<Duty>().Where(d => d.OwnerId == ownerId).OrderBy(d => d.Order).ToList();

    public static List<Duty> DutiesOfBody(this DocumentGraph graph, string name) => graph.DutiesOf(graph.Body(name).Id);

    public static Duty DutyAt(this DocumentGraph graph, string locator) =>
        graph.Nodes.OfType<Duty>().Single(d => d.Locator == locator);
}
