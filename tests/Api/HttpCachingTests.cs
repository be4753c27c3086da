using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Graph.Store;
using SafetyDuty.Tests.Graph;

namespace SafetyDuty.Tests.Api;

/// <summary>GET answers carry an ETag of the content version and the request; If-None-Match gives 304 until a load
/// changes what the store holds. Cursors carry the content version, so a load between two pages is said, not hidden.</summary>
public sealed class HttpCachingTests(SafetyDutyApiFactory api) : IClassFixture<SafetyDutyApiFactory>
{
    private const string Bodies = "{ bodies(first: 3) { totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }";

    [Fact]
    public async Task A_get_answer_carries_an_etag_cache_control_and_vary_accept_and_the_same_tag_gives_304()
    {
        using var client = api.CreateClient();

        using var first = await GetAsync(client, Bodies);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.Contains("Accept", first.Headers.Vary);

        using var again = await GetAsync(client, Bodies, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_request_or_another_media_type_has_another_tag()
    {
        using var client = api.CreateClient();

        using var one = await GetAsync(client, Bodies);
        using var other = await GetAsync(client, "{ bodies(first: 4) { totalCount } }");
        using var json = await GetAsync(client, Bodies, accept: "application/json");

        Assert.NotEqual(one.Headers.ETag, other.Headers.ETag);
        Assert.NotEqual(one.Headers.ETag, json.Headers.ETag);
    }

    [Fact]
    public async Task A_load_changes_the_tag_so_an_old_tag_gets_the_new_answer()
    {
        using var client = api.CreateClient();
        using var before = await GetAsync(client, Bodies);

        await LoadAnotherDocumentAsync("甲");

        using var after = await GetAsync(client, Bodies, before.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_repeats_while_nothing_is_loaded()
    {
        var first = await api.QueryAsync(Bodies);
        var cursor = (string?)first["bodies"]!["pageInfo"]!["endCursor"];

        var second = await api.QueryAsync("query($after: String) { bodies(first: 3, after: $after) { edges { node { id } } } }", new { after = cursor });

        var ids = Ids(first).Concat(Ids(second)).ToList();
        Assert.Equal(6, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_cursor_given_before_a_load_is_refused_with_cursor_expired_rather_than_repeat_or_skip()
    {
        var first = await api.QueryAsync(Bodies);
        var cursor = (string?)first["bodies"]!["pageInfo"]!["endCursor"];

        await LoadAnotherDocumentAsync("乙");

        using var client = api.CreateClient();
        using var response = await SafetyDutyApiFactory.PostAsync(client,
            "query($after: String) { bodies(first: 3, after: $after) { edges { node { id } } } }", new { after = cursor });
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("CURSOR_EXPIRED", (string?)error["extensions"]!["code"]);
        Assert.Contains("第一页", (string?)error["message"], StringComparison.Ordinal);
    }

    private static IEnumerable<string?> Ids(JsonNode data) =>
        data["bodies"]!["edges"]!.AsArray().Select(e => (string?)e!["node"]!["id"]);

    // A small document of a place of its own, loaded straight into the store the API reads.
    private async Task LoadAnotherDocumentAsync(string mark)
    {
        var doc = new TestDocument(mark + "县", "安全生产工作职责规定");
        var body = doc.Body(mark + "县应急管理局", "应急管理");
        doc.Duty(body, "负责全县安全生产综合监督管理。");
        var store = api.Services.GetRequiredService<IGraphStore>();
        Assert.Equal(LoadOutcome.Inserted, await store.LoadDocumentAsync(doc.Build()));
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string query, EntityTagHeaderValue? ifNoneMatch = null, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return client.SendAsync(request);
    }
}
