using System.Text.Json.Nodes;

namespace SafetyDuty.Tests.Api;

/// <summary>One meaning of lead and assist on the five seeds: for every place, sector and body, the role that
/// responsibilities shows is the one Body.leads / Body.assists, compare and gaps show. Body.leads and Body.assists
/// (the stored relations) are the yardstick; the other views must agree with them.</summary>
public sealed class RoleConsistencyTests(SafetyDutyApiFactory api) : IClassFixture<SafetyDutyApiFactory>
{
    private static IEnumerable<JsonNode> Items(JsonNode? array) => array!.AsArray().Select(n => n!);

    private static string Str(JsonNode? node) => (string?)node ?? "";

    [Fact]
    public async Task Every_view_shows_the_same_role_for_the_same_body_and_sector_in_every_place()
    {
        var taxonomy = Items((await api.QueryAsync("{ sectors { id name children { id } } }"))["sectors"])
            .ToDictionary(s => Str(s["id"]), s => (Name: Str(s["name"]), Children: Items(s["children"]).Select(c => Str(c["id"])).ToList()));
        List<string> Closure(string id) => [id, .. taxonomy[id].Children.SelectMany(Closure)];
        var places = Items((await api.QueryAsync("{ jurisdictions { name } }"))["jurisdictions"]).Select(j => Str(j["name"])).ToList();
        Assert.Equal(5, places.Count);
        var checkedRoles = 0;

        foreach (var place in places)
        {
            // The yardstick: every body's leads and assists.
            var leads = new HashSet<(string Body, string Sector)>();
            var assists = new HashSet<(string Body, string Sector)>();
            var names = new Dictionary<string, string>();
            string? after = null;
            do
            {
                var page = (await api.QueryAsync(
                    "query($p: String!, $a: String) { bodies(jurisdiction: $p, first: 100, after: $a) { nodes { id name leads { id } assists { id } } pageInfo { hasNextPage endCursor } } }",
                    new { p = place, a = after }))["bodies"]!;
                foreach (var body in Items(page["nodes"]))
                {
                    var id = Str(body["id"]);
                    names[id] = Str(body["name"]);
                    leads.UnionWith(Items(body["leads"]).Select(s => (id, Str(s["id"]))));
                    assists.UnionWith(Items(body["assists"]).Select(s => (id, Str(s["id"]))));
                }
                after = (bool)page["pageInfo"]!["hasNextPage"]! ? Str(page["pageInfo"]!["endCursor"]) : null;
            }
            while (after is not null);
            Assert.Empty(leads.Intersect(assists));

            // compare: every covered sector of the place, with its leads, assists and bodies with related duties.
            var rows = Items((await api.QueryAsync(
                    "query($p: String!) { compare(jurisdictions: [$p]) { rows { sector { id } cells { lead { id } assist { id } concerned { id } hasReading } } } }",
                    new { p = place }))["compare"]!["rows"])
                .ToDictionary(r => Str(r["sector"]!["id"]), r => r["cells"]![0]!);
            var concerned = new HashSet<(string Body, string Sector)>();
            foreach (var (sector, cell) in rows)
            {
                var cellLeads = Items(cell["lead"]).Select(b => Str(b["id"])).ToHashSet();
                var cellAssists = Items(cell["assist"]).Select(b => Str(b["id"])).ToHashSet();
                Assert.True(leads.Where(r => r.Sector == sector).Select(r => r.Body).ToHashSet().SetEquals(cellLeads), $"{place} {taxonomy[sector].Name}: compare's leads");
                Assert.True(assists.Where(r => r.Sector == sector).Select(r => r.Body).ToHashSet().SetEquals(cellAssists), $"{place} {taxonomy[sector].Name}: compare's assists");
                concerned.UnionWith(Items(cell["concerned"]).Select(b => (Str(b["id"]), sector)));
                Assert.True((bool)cell["hasReading"]!);
            }
            Assert.All(leads.Concat(assists), r => Assert.True(rows.ContainsKey(r.Sector), $"{place}: a led or assisted sector missing from compare"));

            string? RoleOf(string body, IEnumerable<string> sectors)
            {
                var set = sectors.ToList();
                return set.Any(s => leads.Contains((body, s))) ? "LEAD"
                    : set.Any(s => assists.Contains((body, s))) ? "ASSIST"
                    : set.Any(s => concerned.Contains((body, s))) ? "DUTY"
                    : null;
            }

            // gaps: each finding's leads and assists are the yardstick's.
            foreach (var gap in Items((await api.QueryAsync(
                "query($p: String!) { gaps(jurisdiction: $p) { sector { id } lead { id } assist { id } problem } }", new { p = place }))["gaps"]))
            {
                var sector = Str(gap["sector"]!["id"]);
                Assert.True(leads.Where(r => r.Sector == sector).Select(r => r.Body).ToHashSet().SetEquals(Items(gap["lead"]).Select(b => Str(b["id"]))), $"{place} {taxonomy[sector].Name}: gaps' leads");
                Assert.True(assists.Where(r => r.Sector == sector).Select(r => r.Body).ToHashSet().SetEquals(Items(gap["assist"]).Select(b => Str(b["id"]))), $"{place} {taxonomy[sector].Name}: gaps' assists");
            }

            // responsibilities, asked by each covered sector's name: the same bodies, each with its strongest role there.
            foreach (var sector in rows.Keys)
            {
                var closure = Closure(sector);
                var answers = Items((await api.QueryAsync(
                        "query($t: String!, $p: String!) { responsibilities(topics: [$t], jurisdiction: $p) { body { id } role } }",
                        new { t = taxonomy[sector].Name, p = place }))["responsibilities"])
                    .ToDictionary(a => Str(a["body"]!["id"]), a => Str(a["role"]));
                var expected = leads.Concat(assists).Concat(concerned)
                    .Where(r => closure.Contains(r.Sector))
                    .Select(r => r.Body)
                    .Distinct()
                    .ToDictionary(b => b, b => RoleOf(b, closure));
                foreach (var (body, role) in expected)
                {
                    Assert.True(answers.TryGetValue(body, out var shown), $"{place} {taxonomy[sector].Name}: {names.GetValueOrDefault(body, body)} missing from responsibilities");
                    Assert.True(role == shown, $"{place} {taxonomy[sector].Name}: {names.GetValueOrDefault(body, body)} is {shown} in responsibilities, {role} elsewhere");
                    checkedRoles++;
                }
                Assert.True(answers.Keys.ToHashSet().SetEquals(expected.Keys), $"{place} {taxonomy[sector].Name}: responsibilities names bodies no other view has");
            }
        }
        // The five seeds give hundreds of (place, sector, body) roles; an empty check would prove nothing.
        Assert.True(checkedRoles > 300, $"only {checkedRoles} roles checked");
    }
}
