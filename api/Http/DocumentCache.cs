using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace SafetyDuty.Api.Http;

/// <summary>Parsed documents by query text, and whether each has passed validation once. A document is immutable
/// per request, so a repeated query skips parsing and the schema-only validation rules; the rules that depend on
/// the request (complexity with variables, the API key) still run every time.</summary>
public sealed class DocumentCache(IDocumentBuilder builder) : IConfigureExecution
{
    // A bound on entries, not bytes: queries are already bounded by Api:MaxRequestBytes.
    private const int MaxEntries = 2048;
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
        if (entry.Validated)
        {
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }
        var result = await next(options);
        if (result.Executed)
        {
            entry.Validated = true;
        }
        return result;
    }

    private sealed class Entry(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        public volatile bool Validated;
    }
}
