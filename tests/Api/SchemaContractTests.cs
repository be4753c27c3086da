using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace SafetyDuty.Tests.Api;

/// <summary>The schema is a contract: its printed form is kept in api/Schema/schema.graphql, and everything is described.</summary>
public sealed class SchemaContractTests(SchemaContractTests.Factory api) : IClassFixture<SchemaContractTests.Factory>
{
    public sealed class Factory : SafetyDutyApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:OnEmpty"] = "false" };
    }

    private ISchema Schema()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    private static string KeptSchemaPath() => RepositoryPath.Of(Path.Combine("api", "Schema", "schema.graphql"));

    [Fact]
    public void Prints_the_schema_kept_in_the_repository()
    {
        var printed = Schema().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var kept = File.ReadAllText(KeptSchemaPath()).ReplaceLineEndings("\n");
        // To accept a deliberate contract change: SAFETYDUTY_UPDATE_SCHEMA=1 dotnet test --filter SchemaContractTests
        if (Environment.GetEnvironmentVariable("SAFETYDUTY_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(KeptSchemaPath(), printed);
            kept = printed;
        }
        Assert.Equal(kept, printed);
    }

    [Fact]
    public void Describes_every_type_and_field_of_our_own()
    {
        var missing = new List<string>();
        foreach (var type in Schema().AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }
            if (type is IComplexGraphType complex)
            {
                missing.AddRange(complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Keeps_the_names_of_the_core_contract()
    {
        var query = Schema().Query;
        foreach (var field in new[] { "jurisdictions", "jurisdiction", "body", "bodies", "sectors", "laws", "duties", "responsibilities", "compare", "gaps", "node" })
        {
            Assert.NotNull(query.GetField(field));
        }
    }
}
