using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafetyDuty.Benchmarks.Load;

/// <summary>A question as the web page or an embedding app sends it: one of the page's query documents and its
/// variables. <paramref name="Kind"/> names it in the report.</summary>
internal sealed record Question(string Kind, string Body);

/// <summary>Streams of distinct questions of every kind the page asks, drawn at random from what the server holds
/// (its places, sectors and bodies, read once at the start). A question already asked in the run is drawn again, so
/// no answer is ever served twice from what one request left behind; a kind whose questions are all used up (the
/// five seeds have five gaps questions) repeats and the report counts those repeats.</summary>
internal sealed class Questions
{
    // The page's own query documents (api/wwwroot/js/pages), so that the server's parsed-document cache is used as
    // it is for real users: the variables differ, the documents do not.
    private const string Responsibilities = """
        query Responsibilities($topics: [String!]!, $jurisdiction: String, $first: Int, $offset: Int) {
          responsibilities(topics: $topics, jurisdiction: $jurisdiction, first: $first, offset: $offset) {
            body { id name agencyType } jurisdiction { id name } role match topics isGroup
            basis { kind quote }
            evidence { id text locator document { id title number } }
          }
        }
        """;

    // The page asks for answers this many at a time (api/wwwroot/js/pages/ask.js).
    private const int PageSize = 20;

    private const string Gaps = """
        query Gaps($jurisdiction: String!) {
          gaps(jurisdiction: $jurisdiction) {
            sector { id name parent { name } } lead { id name } assist { id name } problem evidence { id text locator }
          }
        }
        """;

    private const string Compare = """
        query Compare($jurisdictions: [String!]!, $sector: String) {
          compare(jurisdictions: $jurisdictions, sector: $sector) {
            jurisdictions { id name }
            rows {
              sector { id name parent { name } }
              cells { jurisdiction { name } lead { id name agencyType } assist { id name agencyType } }
            }
          }
        }
        """;

    private const string Shared = """
        query Shared($place: String!) {
          compare(jurisdictions: [$place]) { rows { sector { id name } cells { lead { id name } assist { id name } } } }
        }
        """;

    private const string Bodies = """
        query Bodies($jurisdiction: String, $search: String, $agencyType: String) {
          bodies(jurisdiction: $jurisdiction, search: $search, agencyType: $agencyType, first: 100) {
            totalCount nodes { id name kind agencyType jurisdiction { name } }
          }
        }
        """;

    private const string Body = """
        query Body($id: ID!) {
          body(id: $id) {
            id name kind agencyType jurisdiction { id name } hostedBy { id name } leads { id name } assists { id name }
            duties { id text locator document { id title number } sectors { id name } }
          }
        }
        """;

    private const string Duties = """
        query Duties($search: String!, $jurisdiction: String) {
          duties(search: $search, jurisdiction: $jurisdiction, first: 20) {
            totalCount nodes { id text locator document { title } sectors { name } }
          }
        }
        """;

    private readonly List<string> _places;
    private readonly List<string> _sectors;
    private readonly List<string> _bodyIds;
    private readonly List<string> _agencyTypes;
    private readonly HashSet<string> _asked = [];
    private readonly Random _random;
    private readonly List<(string Kind, Func<string> Draw)> _inOnePlace;
    private readonly List<(string Kind, Func<string> Draw)> _everywhere;

    private Questions(List<string> places, List<string> sectors, List<string> bodyIds, List<string> agencyTypes, int seed)
    {
        _places = places;
        _sectors = sectors;
        _bodyIds = bodyIds;
        _agencyTypes = agencyTypes;
        _random = new Random(seed);
        _inOnePlace = InOnePlace();
        _everywhere = Everywhere();
    }

    public int Places => _places.Count;

    public int Repeats { get; private set; }

    /// <summary>Reads the places, sectors and (for a sample of places) the bodies the questions are drawn from.</summary>
    public static async Task<Questions> ReadAsync(HttpClient client, int seed)
    {
        var places = new List<string>();
        var root = await PostAsync(client, "{ jurisdictions { name } sectors { name } }", null);
        places.AddRange(root["jurisdictions"]!.AsArray().Select(j => (string)j!["name"]!));
        var sectors = root["sectors"]!.AsArray().Select(s => (string)s!["name"]!).ToList();
        var random = new Random(seed);
        var bodyIds = new List<string>();
        var agencyTypes = new HashSet<string>();
        foreach (var place in places.OrderBy(_ => random.Next()).Take(40))
        {
            var bodies = await PostAsync(client, Bodies, new JsonObject { ["jurisdiction"] = place });
            foreach (var body in bodies["bodies"]!["nodes"]!.AsArray())
            {
                bodyIds.Add((string)body!["id"]!);
                if ((string?)body["agencyType"] is { } agencyType)
                {
                    agencyTypes.Add(agencyType);
                }
            }
        }
        return new Questions(places, sectors, bodyIds, [.. agencyTypes.Order(StringComparer.Ordinal)], seed);
    }

    /// <summary>A question about one place (or two, for a comparison): what the page asks once a place is chosen.</summary>
    public Question NextInOnePlace() => Draw(_inOnePlace);

    /// <summary>A question about every place at once.</summary>
    public Question NextEverywhere() => Draw(_everywhere);

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

    private List<(string Kind, Func<string> Draw)> InOnePlace() =>
    [
        ("responsibilities in a place", () => Post(Responsibilities, new JsonObject
        {
            ["topics"] = TwoSectors(),
            ["jurisdiction"] = Place(),
            ["first"] = PageSize,
            ["offset"] = 0,
        })),
        ("gaps", () => Post(Gaps, new JsonObject { ["jurisdiction"] = Place() })),
        ("compare two places, a sector", () => Post(Compare, new JsonObject
        {
            ["jurisdictions"] = new JsonArray(Place(), Place()),
            ["sector"] = Sector(),
        })),
        ("compare one place (body page)", () => Post(Shared, new JsonObject { ["place"] = Place() })),
        ("bodies of a place", () => Post(Bodies, new JsonObject
        {
            ["jurisdiction"] = Place(),
            ["search"] = _random.Next(2) == 0 ? null : Pick(_agencyTypes)[..2],
        })),
        ("body and its duties", () => Post(Body, new JsonObject { ["id"] = Pick(_bodyIds) })),
        ("duty search in a place", () => Post(Duties, new JsonObject { ["search"] = Sector(), ["jurisdiction"] = Place() })),
    ];

    private List<(string Kind, Func<string> Draw)> Everywhere() =>
    [
        ("responsibilities everywhere", () => Post(Responsibilities, new JsonObject
        {
            ["topics"] = TwoSectors(),
            ["first"] = PageSize,
            ["offset"] = 0,
        })),
        ("bodies by agency type", () => Post(Bodies, new JsonObject { ["agencyType"] = Pick(_agencyTypes) })),
        ("duty search everywhere", () => Post(Duties, new JsonObject { ["search"] = Sector() })),
    ];

    private Question Draw(List<(string Kind, Func<string> Draw)> kinds)
    {
        var (kind, draw) = kinds[_random.Next(kinds.Count)];
        return Distinct(() => new Question(kind, draw()));
    }

    private Question Distinct(Func<Question> draw)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var question = draw();
            if (_asked.Add(question.Body))
            {
                return question;
            }
        }
        Repeats++;
        return draw();
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

    private static string Post(string query, JsonObject variables) =>
        new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString();

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
