using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using SafetyDuty.Api.Http;

namespace SafetyDuty.Tests.Api;

/// <summary>The validator's way through for documents that passed every rule reads variables and arguments exactly as
/// GraphQL.NET's own validator does, and leaves to it what it does not plan for.</summary>
public sealed partial class KnownDocumentValidatorTests(KnownDocumentValidatorTests.Factory api) : IClassFixture<KnownDocumentValidatorTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };
    }

    /// <summary>The framework's validator, counting the requests handed to it.</summary>
    private sealed class Counting : IDocumentValidator
    {
        private readonly DocumentValidator _validator = new();

        public int Calls { get; private set; }

        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            Calls++;
            return _validator.ValidateAsync(options);
        }
    }

    private ISchema Schema()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    // Both validators on the same parsed document with no rules, as DocumentCache asks for a validated document.
    private async Task<(string Expected, string Actual, int FrameworkCalls)> ValidateBothAsync(string query, Dictionary<string, object?> variables)
    {
        var schema = Schema();
        var document = api.Services.GetRequiredService<IDocumentBuilder>().Build(query);
        var options = new ValidationOptions
        {
            Schema = schema,
            Document = document,
            Operation = DocumentCache.SelectedOperation(document, null)!,
            Rules = Array.Empty<IValidationRule>(),
            Variables = new Inputs(variables),
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
        };
        var expected = Describe(await new DocumentValidator().ValidateAsync(options));
        var counting = new Counting();
        var known = new KnownDocumentValidator(counting);
        // Twice: the second time through the contexts the first one left.
        var first = Describe(await known.ValidateAsync(options));
        var second = Describe(await known.ValidateAsync(options));
        Assert.Equal(first, second);
        return (expected, first, counting.Calls);
    }

    private static string Describe(IValidationResult result)
    {
        var lines = new List<string> { $"valid: {result.IsValid}" };
        lines.AddRange(result.Errors.Select(e => $"error: {e.Code} {e.Message}"));
        lines.AddRange((result.Variables ?? Variables.None).Select(v => $"variable {v.Name} = {Json(v.Value)} default={v.IsDefault}"));
        lines.AddRange((result.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>())
            .OrderBy(entry => entry.Key.Location.Start)
            .SelectMany(entry => entry.Value.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => $"{entry.Key.Location.Start} {entry.Key.Name.StringValue}({a.Key}: {Json(a.Value.Value)} from {a.Value.Source})")));
        lines.Add($"directives: {result.DirectiveValues?.Count ?? 0}");
        return string.Join('\n', lines);
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    // A value of each variable's type, as a client sends it; optional ones too when all is true.
    private static Dictionary<string, object?> ValuesFor(GraphQLDocument document, bool all)
    {
        var values = new Dictionary<string, object?>();
        foreach (var variable in DocumentCache.SelectedOperation(document, null)!.Variables?.Items ?? [])
        {
            if (all || variable.Type is GraphQLNonNullType)
            {
                values[variable.Variable.Name.StringValue] = ValueOf(variable.Type);
            }
        }
        return values;
    }

    private static object? ValueOf(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => ValueOf(nonNull.Type),
        GraphQLListType list => new List<object?> { ValueOf(list.Type), ValueOf(list.Type) },
        GraphQLNamedType { Name.StringValue: "Int" } => 5,
        GraphQLNamedType { Name.StringValue: "Boolean" } => true,
        GraphQLNamedType { Name.StringValue: "Float" } => 1.5,
        _ => "燃气",
    };

    public static TheoryData<string, string> PageQueries()
    {
        var data = new TheoryData<string, string>();
        var pages = PagesDirectory();
        foreach (var script in Directory.EnumerateFiles(pages, "*.js").Order(StringComparer.Ordinal))
        {
            foreach (Match match in QueryLiteral().Matches(File.ReadAllText(script)))
            {
                if (!match.Groups["document"].Value.Contains("${", StringComparison.Ordinal))
                {
                    data.Add($"{Path.GetFileName(script)} {match.Groups["name"].Value}", match.Groups["document"].Value);
                }
            }
        }
        return data;
    }

    private static string PagesDirectory() => RepositoryPath.Of(Path.Combine("api", "wwwroot", "js", "pages"));

    [GeneratedRegex(@"`(?<document>query (?<name>\w+)\([^`]*)`")]
    private static partial Regex QueryLiteral();

    [Fact]
    public void Finds_the_page_queries()
    {
        Assert.True(PageQueries().Count >= 8, $"{PageQueries().Count} page queries");
    }

    [Theory]
    [MemberData(nameof(PageQueries))]
    public async Task Reads_each_page_query_as_the_framework_does(string name, string query)
    {
        var document = api.Services.GetRequiredService<IDocumentBuilder>().Build(query);
        foreach (var all in new[] { true, false })
        {
            var (expected, actual, frameworkCalls) = await ValidateBothAsync(query, ValuesFor(document, all));
            Assert.Equal(expected, actual);
            Assert.True(frameworkCalls == 0, $"{name}: handed to the framework {frameworkCalls} times");
        }
    }

    [Fact]
    public async Task Reads_fragments_defaults_and_literals_as_the_framework_does()
    {
        const string query = """
            query Body($id: ID!, $first: Int = 3, $topics: [String!]! = ["燃气"]) {
              node(id: $id) { id ...Named ... on Body { duties(first: $first, offset: 1) { id } } }
              again: node(id: $id) { ...Named }
              responsibilities(topics: $topics, first: 2) { role }
              sectors { id }
            }
            fragment Named on Body { name duties(first: 7) { text } jurisdiction { name } }
            """;
        var (expected, actual, frameworkCalls) = await ValidateBothAsync(query, new Dictionary<string, object?> { ["id"] = "b-1" });
        Assert.Equal(expected, actual);
        Assert.Equal(0, frameworkCalls);
        Assert.Contains("duties(first: 7 from Literal)", actual, StringComparison.Ordinal);
        Assert.Contains("variable first = 3 default=True", actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_directives_to_the_framework()
    {
        const string query = "query Sectors($withAliases: Boolean!) { sectors { id aliases @include(if: $withAliases) } }";
        var (expected, actual, frameworkCalls) = await ValidateBothAsync(query, new Dictionary<string, object?> { ["withAliases"] = false });
        Assert.Equal(expected, actual);
        Assert.Equal(2, frameworkCalls);
        Assert.Contains("directives: 1", actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query Q($first: Int) { bodies(first: $first) { totalCount } }", "first", "many")]
    [InlineData("query Q($id: ID) { node(id: $id) { id } }", "id", null)]
    [InlineData("query Q($topics: [String!]!) { responsibilities(topics: $topics) { role } }", "topics", null)]
    public async Task Reports_values_that_do_not_fit_as_the_framework_does(string query, string variable, object? value)
    {
        var (expected, actual, frameworkCalls) = await ValidateBothAsync(query, new Dictionary<string, object?> { [variable] = value });
        Assert.Equal(expected, actual);
        Assert.Contains("valid: False", actual, StringComparison.Ordinal);
        Assert.Equal(2, frameworkCalls);
    }
}
