using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Api;

/// <summary>The API over its own temporary SQLite store, seeded with the bundled documents at start.
/// xUnit makes one per test class (IClassFixture), so no class sees another's data.</summary>
public class SafetyDutyApiFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-7f3a";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetyduty-api-" + Guid.NewGuid().ToString("N"));

    public SafetyDutyApiFactory()
    {
        Directory.CreateDirectory(_directory);
    }

    /// <summary>Settings a subclass changes (timeouts, limits, seeding).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Counts store calls when set before the first request (batching tests).</summary>
    public CountingGraphStore? Counter { get; private set; }

    protected virtual bool CountStoreCalls => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:Kind", "sqlite");
        builder.UseSetting("Store:Path", Path.Combine(_directory, "graph.db"));
        builder.UseSetting("Api:Keys:0", ApiKey);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (CountStoreCalls)
        {
            builder.ConfigureTestServices(services =>
            {
                var registration = services.Last(d => d.ServiceType == typeof(IGraphStore));
                services.Remove(registration);
                services.AddSingleton<IGraphStore>(provider =>
                {
                    var inner = (IGraphStore)registration.ImplementationFactory!(provider);
                    return Counter = new CountingGraphStore(inner);
                });
            });
        }
    }

    /// <summary>POSTs a GraphQL request as application/json and returns the parsed response body.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        using var client = CreateClient();
        using var response = await PostAsync(client, query, variables);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        Assert.True(json["errors"] is null, "GraphQL errors: " + json["errors"]?.ToJsonString());
        return json["data"]!;
    }

    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client,
        string query,
        object? variables = null,
        string? accept = null,
        string? apiKey = null)
    {
        var payload = JsonSerializer.Serialize(new { query, variables });
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        return client.SendAsync(request);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless; failing a test run over it would not be.
            }
        }
    }
}
