using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace SafetyDuty.Api.Http;

/// <summary>Parsed documents by query text, and whether each has passed validation once. A document is immutable
/// per request, so a repeated query skips parsing and the schema-only validation rules. The rules that depend on the
/// request run again, unless their answer is already known: a query (the API key rule concerns mutations only) whose
/// page sizes passed the depth and complexity limits once passes them again, since those limits read nothing of a
/// request but its document, its operation and its numbers, flags and nulls (<see cref="LimitsKey"/>).</summary>
public sealed class DocumentCache(IDocumentBuilder builder) : IConfigureExecution
{
    // A bound on entries, not bytes: queries are already bounded by Api:MaxRequestBytes.
    private const int MaxEntries = 2048;
    private const int MaxLimitsKeys = 64;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Parses once per distinct query text. Throws GraphQL.NET's syntax error for a malformed query.</summary>
    public GraphQLDocument GetOrParse(string query)
    {
        if (_entries.TryGetValue(query, out var entry))
        {
            return entry.Document;
        }
        var document = builder.Build(query);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries.TryAdd(query, new Entry(document));
        return document;
    }

    // Runs after the options configuration (SortOrder 100) so that the validation rules are all in place.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Query is null || options.Document is null
            || !_entries.TryGetValue(options.Query, out var entry) || !ReferenceEquals(entry.Document, options.Document))
        {
            return await next(options);
        }
        var limitsKey = IsQuery(entry.Document, options.OperationName) ? LimitsKey(options.OperationName, options.Variables) : null;
        if (entry.Validated)
        {
            options.ValidationRules = limitsKey is not null && entry.WithinLimits.ContainsKey(limitsKey)
                ? []
                : options.CachedDocumentValidationRules ?? [];
        }
        var result = await next(options);
        if (result.Executed)
        {
            entry.Validated = true;
            if (limitsKey is not null)
            {
                if (entry.WithinLimits.Count >= MaxLimitsKeys)
                {
                    entry.WithinLimits.Clear();
                }
                entry.WithinLimits.TryAdd(limitsKey, true);
            }
        }
        return result;
    }

    // What the depth and complexity limits of a query can depend on besides its document: the operation chosen, and
    // the variables that are numbers (first, last), flags (@skip, @include) or null (an id argument given or not).
    // Text variables, the place names and topics that make questions distinct, cannot change them. The complexity
    // delegate (GraphQLRegistration.Complexity) must keep to this: it reads only those.
    internal static string LimitsKey(string? operationName, Inputs? variables)
    {
        var key = new StringBuilder(operationName);
        foreach (var (name, value) in variables ?? Inputs.Empty)
        {
            key.Append('|').Append(name).Append('=').Append(value switch
            {
                null => "null",
                bool flag => flag ? "true" : "false",
                int or long or double or decimal or System.Numerics.BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture),
                _ => "value",
            });
        }
        return key.ToString();
    }

    private static bool IsQuery(GraphQLDocument document, string? operationName) =>
        SelectedOperation(document, operationName)?.Operation == OperationType.Query;

    /// <summary>The operation a request runs: the one named, or the only one; null when there is none such.</summary>
    public static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>();
        return operationName is null
            ? operations.Take(2).ToList() is [var only] ? only : null
            : operations.FirstOrDefault(o => o.Name?.Value == operationName);
    }

    private sealed class Entry(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        public volatile bool Validated;

        /// <summary>The <see cref="LimitsKey"/>s this document has passed the limits with.</summary>
        public ConcurrentDictionary<string, bool> WithinLimits { get; } = new(StringComparer.Ordinal);
    }
}
