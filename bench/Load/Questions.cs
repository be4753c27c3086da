using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SafetyDuty.Benchmarks.Load;

/// <summary>A question as the web page or an embedding app sends it: one of the page's query documents and its
/// variables, as the request's UTF-8 body. <paramref name="Kind"/> names it in the report; <paramref name="Again"/> says
/// that it was asked before in the run because its kind had used up its distinct questions.</summary>
internal sealed record Question(string Kind, byte[] Body, bool Again = false)
{
    public Question(string kind, string body, bool again = false)
        : this(kind, Encoding.UTF8.GetBytes(body), again)
    {
    }
}

/// <summary>Streams of distinct questions of every kind the page asks, drawn at random from what the server holds
/// (its places, sectors and bodies, read once at the start). A question already asked in the run is drawn again, so
/// no answer is ever served twice from what one request left behind; a kind whose questions are all used up (the
/// five seeds have five gaps questions) repeats and the report counts those repeats.</summary>
internal sealed partial class Questions
{
    // The page's scripts whose query documents the questions use, read from the page's folder (the load command's
    // --pages), so that the questions are the page's own (and the server's parsed-document cache is used as it is for
    // real users: the variables differ, the documents do not); a page that changes its questions changes the benchmark.
    private static readonly string[] PageScripts = ["ask", "body", "compare", "gaps"];

    // The page asks for answers this many at a time (api/wwwroot/js/pages/ask.js).
    private const int PageSize = 20;

    // Not the page's: an embedding app listing a function's bodies in every place (the page lists one place's).
    private const string BodiesOfAgencyType = """
        query BodiesOfAgencyType($agencyType: String) {
          bodies(agencyType: $agencyType, first: 100) {
            totalCount nodes { id name kind agencyType jurisdiction { name } }
          }
        }
        """;

    private readonly Dictionary<string, string> _page;
    private readonly List<string> _places;
    private readonly List<string> _sectors;
    private readonly List<string> _sectorWords;
    private readonly List<string> _bodyIds;
    private readonly List<string> _agencyTypes;
    private readonly HashSet<string> _asked = [];
    private readonly HashSet<string> _usedUp = [];
    private readonly Random _random;
    private readonly List<(string Kind, Func<string> Draw)> _inOnePlace;
    private readonly List<(string Kind, Func<string> Draw)> _everywhere;

    private Questions(
        Dictionary<string, string> page, List<string> places, List<string> sectors, List<string> sectorWords, List<string> bodyIds,
        List<string> agencyTypes, int seed)
    {
        _page = page;
        _places = places;
        _sectors = sectors;
        _sectorWords = sectorWords;
        _bodyIds = bodyIds;
        _agencyTypes = agencyTypes;
        _random = new Random(seed);
        _inOnePlace = KindsInOnePlace();
        _everywhere = KindsEverywhere();
    }

    public int Places => _places.Count;

    /// <summary>Reads the page's query documents, and the places, sectors and (for a sample of places) the bodies the
    /// questions are drawn from.</summary>
    public static async Task<Questions> ReadAsync(HttpClient client, string pagesFolder, int seed)
    {
        var page = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var script in PageScripts)
        {
            foreach (var (name, document) in QueryDocuments(await File.ReadAllTextAsync(Path.Combine(pagesFolder, script + ".js"))))
            {
                page[name] = document;
            }
        }
        var places = new List<string>();
        var root = await PostAsync(client, "{ jurisdictions { name } sectors { name aliases } }", null);
        places.AddRange(root["jurisdictions"]!.AsArray().Select(j => (string)j!["name"]!));
        var sectors = root["sectors"]!.AsArray().Select(s => (string)s!["name"]!).ToList();
        var sectorWords = root["sectors"]!.AsArray()
            .SelectMany(s => s!["aliases"]!.AsArray().Select(a => (string)a!).Prepend((string)s["name"]!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var random = new Random(seed);
        var bodyIds = new List<string>();
        var agencyTypes = new HashSet<string>();
        foreach (var place in places.OrderBy(_ => random.Next()).Take(40))
        {
            var bodies = await PostAsync(client, Document(page, "Bodies"), new JsonObject { ["jurisdiction"] = place });
            foreach (var body in bodies["bodies"]!["nodes"]!.AsArray())
            {
                bodyIds.Add((string)body!["id"]!);
                if ((string?)body["agencyType"] is { } agencyType)
                {
                    agencyTypes.Add(agencyType);
                }
            }
        }
        return new Questions(page, places, sectors, sectorWords, bodyIds, [.. agencyTypes.Order(StringComparer.Ordinal)], seed);
    }

    /// <summary>The GraphQL operations a page script holds: each template literal that starts with <c>query Name(</c>,
    /// by name.</summary>
    internal static IEnumerable<(string Name, string Document)> QueryDocuments(string script) =>
        QueryLiteral().Matches(script).Select(m => m.Groups["document"].Value.Contains("${", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"query {m.Groups["name"].Value} is built from parts; the load client sends whole documents")
            : (m.Groups["name"].Value, m.Groups["document"].Value));

    [GeneratedRegex(@"`(?<document>query (?<name>\w+)\([^`]*)`")]
    private static partial Regex QueryLiteral();

    private static string Document(Dictionary<string, string> page, string name) =>
        page.TryGetValue(name, out var document)
            ? document
            : throw new InvalidOperationException($"the page's scripts ({string.Join(", ", PageScripts)}) hold no query {name}");

    /// <summary>Questions about one place (or two, for a comparison): what the page asks once a place is chosen.</summary>
    public Question[] InOnePlace(int count) => Compose(_inOnePlace, count);

    /// <summary>Questions about every place at once.</summary>
    public Question[] Everywhere(int count) => Compose(_everywhere, count);

    // Every question of a stream is composed before it is sent, as a load client reads a file of questions: composing
    // (a JSON body, drawn again while it was asked before) would otherwise take from the two cores the server runs on
    // while it is measured, and only in the phases that compose, not in { __typename }'s.
    private Question[] Compose(List<(string Kind, Func<string> Draw)> kinds, int count)
    {
        var stream = new Question[count];
        for (var i = 0; i < count; i++)
        {
            stream[i] = Draw(kinds);
        }
        return stream;
    }

    /// <summary>Keeps only the kinds whose name contains one of <paramref name="kinds"/> (to measure a kind alone);
    /// false when that leaves a stream with none.</summary>
    public bool Only(IReadOnlyList<string> kinds)
    {
        bool Asked((string Kind, Func<string> Draw) entry) => kinds.Any(k => entry.Kind.Contains(k, StringComparison.Ordinal));
        _inOnePlace.RemoveAll(entry => !Asked(entry));
        _everywhere.RemoveAll(entry => !Asked(entry));
        return AsksInOnePlace || AsksEverywhere;
    }

    public bool AsksInOnePlace => _inOnePlace.Count > 0;

    public bool AsksEverywhere => _everywhere.Count > 0;

    // The page's 问责任 asks interpret on the officer's words before it asks who is responsible, in a place or everywhere.
    private List<(string Kind, Func<string> Draw)> KindsInOnePlace() =>
    [
        ("responsibilities in a place", () => Post(Document(_page, "Responsibilities"), new JsonObject
        {
            ["topics"] = TwoSectors(),
            ["jurisdiction"] = Place(),
            ["first"] = PageSize,
            ["offset"] = 0,
        })),
        ("interpret, one place", Interpret),
        ("gaps", () => Post(Document(_page, "Gaps"), new JsonObject { ["jurisdiction"] = Place() })),
        ("compare two places, a sector", () => Post(Document(_page, "Compare"), new JsonObject
        {
            ["jurisdictions"] = new JsonArray(Place(), Place()),
            ["sector"] = Sector(),
        })),
        ("bodies of a place", () => Post(Document(_page, "Bodies"), new JsonObject
        {
            ["jurisdiction"] = Place(),
            ["search"] = _random.Next(2) == 0 ? null : Pick(_agencyTypes)[..2],
        })),
        ("body and its duties", () => Post(Document(_page, "Body"), new JsonObject { ["id"] = Pick(_bodyIds) })),
        ("duty search in a place", () => Post(Document(_page, "Search"), new JsonObject { ["search"] = Sector(), ["jurisdiction"] = Place() })),
    ];

    private List<(string Kind, Func<string> Draw)> KindsEverywhere() =>
    [
        ("responsibilities everywhere", () => Post(Document(_page, "Responsibilities"), new JsonObject
        {
            ["topics"] = TwoSectors(),
            ["first"] = PageSize,
            ["offset"] = 0,
        })),
        ("interpret, everywhere", Interpret),
        ("bodies by agency type", () => Post(BodiesOfAgencyType, new JsonObject { ["agencyType"] = Pick(_agencyTypes) })),
        ("duty search everywhere", () => Post(Document(_page, "Search"), new JsonObject { ["search"] = Sector() })),
    ];

    // An officer's words: two ways of naming sectors run together (饭店 + 用气, 天然气 + 宾馆), as the page's text box takes them.
    private string Interpret() => Post(Document(_page, "Interpret"), new JsonObject { ["text"] = Pick(_sectorWords) + Pick(_sectorWords) });

    // A kind is drawn again while its question was asked before, twenty times at most; a kind that fails twenty times
    // has used up its questions (the five seeds have five gaps questions) and is repeated from then on.
    private Question Draw(List<(string Kind, Func<string> Draw)> kinds)
    {
        var (kind, draw) = kinds[_random.Next(kinds.Count)];
        for (var attempt = 0; attempt < 20 && !_usedUp.Contains(kind); attempt++)
        {
            var body = draw();
            if (_asked.Add(body))
            {
                return new Question(kind, body);
            }
        }
        _usedUp.Add(kind);
        return new Question(kind, draw(), again: true);
    }

    private string Place() => Pick(_places);

    private string Sector() => Pick(_sectors);

    private JsonArray TwoSectors()
    {
        var first = Sector();
        var second = Sector();
        return first == second ? new JsonArray(first) : new JsonArray(first, second);
    }

    private string Pick(List<string> items) => items[_random.Next(items.Count)];

    private static string Post(string document, JsonObject variables) =>
        new JsonObject { ["query"] = document, ["variables"] = variables }.ToJsonString();

    private static async Task<JsonNode> PostAsync(HttpClient client, string query, JsonObject? variables)
    {
        using var response = await client.PostAsync((Uri?)null, JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables }));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (answer["errors"] is { } errors)
        {
            throw new InvalidOperationException($"setup query failed: {errors.ToJsonString(new JsonSerializerOptions { WriteIndented = false })}");
        }
        return answer["data"]!;
    }
}
