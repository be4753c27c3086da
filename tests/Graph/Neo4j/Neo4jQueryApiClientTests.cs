using System.Net;
using System.Text.Json;
using SafetyDuty.Graph.Neo4j;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph.Neo4j;

public sealed class Neo4jQueryApiClientTests : IDisposable
{
    private readonly FakeQueryApi _api = new();

    public void Dispose() => _api.Dispose();

    private Neo4jQueryApiClient Client(int retries = 3, TimeSpan? requestTimeout = null) => new(
        new HttpClient(_api),
        new Neo4jOptions
        {
            Url = "http://localhost:7474/",
            User = "neo4j",
            Password = "verysecret",
            Database = "neo4j",
            MaxRetryAttempts = retries,
            RetryDelay = TimeSpan.Zero,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
        });

    private static Neo4jStatement Merge() => new(
        "MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name",
        new Dictionary<string, object?> { ["name"] = "Phil" });

    [Fact]
    public async Task Posts_the_statement_before_its_parameters_with_basic_auth_to_the_query_endpoint()
    {
        await Client().RunAsync(Merge());

        var request = Assert.Single(_api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/db/neo4j/query/v2", request.Path);
        Assert.Equal("Basic bmVvNGo6dmVyeXNlY3JldA==", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("""{"statement":"MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name","parameters":{"name":"Phil"}}""", request.Body);
    }

    [Fact]
    public async Task Reads_data_values_as_rows_of_values_in_the_order_of_the_fields()
    {
        _api.Then(HttpStatusCode.Accepted, """
            {
              "data": {
                "fields": ["person", "name"],
                "values": [
                  [
                    {"elementId": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:2", "labels": ["Person"], "properties": {"name": "Phil"}},
                    "Phil"
                  ],
                  [
                    {"elementId": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:3", "labels": ["Person"], "properties": {"name": "燃气"}},
                    "燃气"
                  ]
                ]
              },
              "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]
            }
            """);

        var result = await Client().RunAsync(Merge());

        Assert.Equal(["person", "name"], result.Fields);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("Phil", result.Rows[0][result.Column("name")].GetString());
        Assert.Equal("燃气", result.Rows[1][1].GetString());
        Assert.Equal(["Person"], result.Rows[1][0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"], result.Bookmarks);
    }

    [Fact]
    public async Task Throws_the_error_a_202_response_carries_and_does_not_replay_it()
    {
        // The status goes out before the query has run: a failure after streaming started still comes as 202.
        _api.Then(HttpStatusCode.Accepted, """
            {"data":{"fields":["n"],"values":[]},"errors":[{"code":"Neo.DatabaseError.Statement.ExecutionFailed","message":"Execution failed after the header was sent."}]}
            """);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Client().RunAsync(Merge()));

        Assert.Equal("Neo.DatabaseError.Statement.ExecutionFailed", error.Code);
        Assert.Contains("Execution failed after the header was sent.", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Retries_a_transient_400_on_its_code_and_returns_the_later_success()
    {
        _api.Then(FakeQueryApi.Error(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient[1] can't acquire ExclusiveLock"))
            .Then(FakeQueryApi.Error(HttpStatusCode.BadRequest, "Neo.TransientError.General.DatabaseUnavailable", "Database 'neo4j' is unavailable."))
            .Then(FakeQueryApi.Rows("""{"fields":["name"],"values":[["Phil"]]}"""));

        var result = await Client().RunAsync(Merge());

        Assert.Equal("Phil", result.Rows[0][0].GetString());
        Assert.Equal(3, _api.Requests.Count);
        Assert.All(_api.Requests, r => Assert.Equal(_api.Requests[0].Body, r.Body));
    }

    [Fact]
    public async Task Gives_up_on_a_transient_error_after_the_configured_retries()
    {
        _api.Default = _ => FakeQueryApi.Error(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.LockClientStopped", "stopped");

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Client(retries: 2).RunAsync(Merge()));

        Assert.Equal("Neo.TransientError.Transaction.LockClientStopped", error.Code);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task Reports_a_syntax_error_with_its_code_and_does_not_retry_it()
    {
        _api.Then(FakeQueryApi.Error(
            HttpStatusCode.BadRequest,
            "Neo.ClientError.Statement.SyntaxError",
            "Invalid input 'MERG': expected 'MERGE' (line 1, column 1 (offset: 0))"));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Client().RunAsync(new Neo4jStatement("MERG (n) RETURN n")));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Contains("Invalid input 'MERG'", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Rejects_wrong_credentials_with_the_unauthorized_code_and_no_retry()
    {
        _api.Default = _ => FakeQueryApi.Error(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", "Invalid username or password.");

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Client().RunAsync(Merge()));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", error.Code);
        Assert.Contains("Invalid username or password.", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Reports_a_401_without_a_body_as_unauthorized()
    {
        _api.Then(HttpStatusCode.Unauthorized, "");

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Client().RunAsync(Merge()));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", error.Code);
    }

    [Fact]
    public async Task Reports_a_database_that_does_not_exist()
    {
        _api.Then(FakeQueryApi.Error(HttpStatusCode.NotFound, "Neo.ClientError.Database.DatabaseNotFound", "Graph not found: safetyduty"));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Client().RunAsync(Merge()));

        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", error.Code);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Retries_a_transport_failure()
    {
        _api.Then(_ => throw new HttpRequestException("Connection refused (localhost:7474)"))
            .Then(FakeQueryApi.Rows("""{"fields":["ok"],"values":[[1]]}"""));

        var result = await Client().RunAsync(new Neo4jStatement("RETURN 1 AS ok"));

        Assert.Equal(1, result.Rows[0][0].GetInt32());
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task Reports_an_unreachable_server_with_the_transport_code_after_the_retries()
    {
        _api.Default = _ => throw new HttpRequestException("Connection refused (localhost:7474)");

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Client(retries: 1).RunAsync(Merge()));

        Assert.Equal(Neo4jQueryApiClient.TransportFailureCode, error.Code);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task Times_out_a_request_that_does_not_answer()
    {
        using var hanging = new HangingHandler();
        var client = new Neo4jQueryApiClient(new HttpClient(hanging), new Neo4jOptions
        {
            MaxRetryAttempts = 0,
            RequestTimeout = TimeSpan.FromMilliseconds(100),
        });

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(Merge()));

        Assert.Equal(Neo4jQueryApiClient.TimeoutCode, error.Code);
    }

    [Fact]
    public async Task Opens_the_circuit_after_repeated_transient_failures_and_then_fails_fast()
    {
        _api.Default = _ => FakeQueryApi.Error(HttpStatusCode.BadRequest, "Neo.TransientError.General.DatabaseUnavailable", "unavailable");
        var client = Client(retries: 4);

        GraphStoreException? last = null;
        for (var i = 0; i < 5 && last?.Code != Neo4jQueryApiClient.CircuitOpenCode; i++)
        {
            last = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(Merge()));
        }

        Assert.Equal(Neo4jQueryApiClient.CircuitOpenCode, last!.Code);
        var sent = _api.Requests.Count;
        var again = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(Merge()));
        Assert.Equal(Neo4jQueryApiClient.CircuitOpenCode, again.Code);
        Assert.Equal(sent, _api.Requests.Count);
    }

    [Fact]
    public async Task Runs_an_explicit_transaction_echoing_the_cluster_affinity_and_commits_it()
    {
        var client = Client();

        var value = await client.RunTransactionAsync(async (tx, token) =>
        {
            Assert.Equal(FakeQueryApi.TransactionId, tx.Id);
            Assert.Equal(FakeQueryApi.Affinity, tx.Affinity);
            await tx.RunAsync(Merge(), token);
            return 42;
        });

        Assert.Equal(42, value);
        var requests = _api.Requests;
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU/commit"],
            requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Null(requests[0].Header("neo4j-cluster-affinity"));
        Assert.All(requests.Skip(1), r => Assert.Equal(FakeQueryApi.Affinity, r.Header("neo4j-cluster-affinity")));
        Assert.Equal("Basic bmVvNGo6dmVyeXNlY3JldA==", requests[2].Header("Authorization"));
    }

    [Fact]
    public async Task Reads_the_transaction_id_and_affinity_from_the_documented_begin_response()
    {
        _api.Then(_ => new FakeResponse(
            HttpStatusCode.Accepted,
            """
            {
              "data": {"fields": ["alice"], "values": [[{"elementId": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0", "labels": ["Person"], "properties": {"name": "Alice", "age": 42}}]]},
              "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"],
              "transaction": {"id": "aBc9", "expires": "2024-10-22T15:48:29Z"}
            }
            """,
            new Dictionary<string, string> { ["neo4j-cluster-affinity"] = "b3RoZXItbWVtYmVy" }));

        var tx = await Client().BeginAsync();
        await tx.RunAsync(Merge());

        Assert.Equal("aBc9", tx.Id);
        Assert.Equal("/db/neo4j/query/v2/tx/aBc9", _api.Requests[1].Path);
        Assert.Equal("b3RoZXItbWVtYmVy", _api.Requests[1].Header("neo4j-cluster-affinity"));
    }

    [Fact]
    public async Task Rolls_back_with_a_delete_when_the_work_fails_and_rethrows()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Client().RunTransactionAsync<int>(async (tx, token) =>
        {
            await tx.RunAsync(Merge(), token);
            throw new InvalidOperationException("reader bug");
        }));

        Assert.Equal("reader bug", error.Message);
        var last = _api.Requests[^1];
        Assert.Equal(HttpMethod.Delete, last.Method);
        Assert.Equal("/db/neo4j/query/v2/tx/lyU", last.Path);
        Assert.Equal(FakeQueryApi.Affinity, last.Header("neo4j-cluster-affinity"));
        Assert.DoesNotContain(_api.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replays_the_whole_transaction_from_its_start_after_a_transient_error()
    {
        _api.Then(FakeQueryApi.EmptyDatabase)
            .Then(FakeQueryApi.EmptyDatabase)
            .Then(FakeQueryApi.Error(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.DeadlockDetected", "deadlock"));
        var attempts = 0;

        await Client().RunTransactionAsync(async (tx, token) =>
        {
            attempts++;
            await tx.RunAsync(new Neo4jStatement("MATCH (n:Entity {id: $id}) DETACH DELETE n", new Dictionary<string, object?> { ["id"] = "a" }), token);
            await tx.RunAsync(Merge(), token);
            return true;
        });

        Assert.Equal(2, attempts);
        Assert.Equal(
            [
                "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU",
                "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU",
                "POST /db/neo4j/query/v2/tx/lyU/commit",
            ],
            _api.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Reports_an_expired_transaction_and_does_not_commit()
    {
        _api.Then(FakeQueryApi.EmptyDatabase)
            .Then(FakeQueryApi.Error(
                HttpStatusCode.NotFound,
                "Neo.ClientError.Request.Invalid",
                "Transaction with Id: \"lyU\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Client().RunTransactionAsync(async (tx, token) =>
        {
            await tx.RunAsync(Merge(), token);
            return true;
        }));

        Assert.Equal("Neo.ClientError.Request.Invalid", error.Code);
        Assert.Contains("was not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task Sends_no_commit_when_the_work_rolled_back_itself()
    {
        var client = Client();

        await client.RunTransactionAsync(async (tx, token) =>
        {
            await tx.RollbackAsync(token);
            return true;
        });

        Assert.Equal(["POST /db/neo4j/query/v2/tx", "DELETE /db/neo4j/query/v2/tx/lyU"], _api.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("", _api.Requests[1].Body);
    }

    [Fact]
    public async Task Escapes_the_database_name_in_the_path()
    {
        var client = new Neo4jQueryApiClient(new HttpClient(_api), new Neo4jOptions { Url = "http://db.example:7474", Database = "安全/db" });

        await client.RunAsync(new Neo4jStatement("RETURN 1 AS ok"));

        Assert.Equal("/db/%E5%AE%89%E5%85%A8%2Fdb/query/v2", _api.Requests[0].Path);
    }

    [Fact]
    public void Serialises_chinese_parameters_readably_and_nested_values_as_json()
    {
        var body = Neo4jQueryApiClient.SerializeStatement(new Neo4jStatement(
            "UNWIND $rows AS row RETURN row.name",
            new Dictionary<string, object?> { ["rows"] = new[] { new Dictionary<string, object?> { ["name"] = "市应急管理局", ["scope"] = null } } }));

        using var json = JsonDocument.Parse(body);
        Assert.Equal("市应急管理局", json.RootElement.GetProperty("parameters").GetProperty("rows")[0].GetProperty("name").GetString());
        Assert.Contains("市应急管理局", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
