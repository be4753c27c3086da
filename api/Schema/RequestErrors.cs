using GraphQL;

namespace SafetyDuty.Api.Schema;

/// <summary>Errors that are the client's doing, each with a machine-readable code in <c>extensions.code</c>.</summary>
public static class RequestErrors
{
    public static ExecutionError InvalidArgument(string message) => new(message) { Code = "INVALID_ARGUMENT" };

    public static ExecutionError NotFound(string message) => new(message) { Code = "NOT_FOUND" };

    /// <summary>A name that names nothing known: the word and what it may have meant, in <c>extensions.data</c>.</summary>
    public static ExecutionError NotFound(string message, string word, IReadOnlyList<string> suggestions) =>
        WithSuggestions(new ExecutionError(message) { Code = "NOT_FOUND" }, word, suggestions);

    /// <summary>A topic read as no sector at all: never answered with an empty list, which would read as "nobody".</summary>
    public static ExecutionError UnknownTopic(string word, IReadOnlyList<string> suggestions) =>
        WithSuggestions(
            new ExecutionError($"没有读懂主题“{word}”，它不对应任何行业领域"
                + (suggestions.Count > 0 ? $"；您是不是要找：{string.Join("、", suggestions)}" : "")
                + $" (topic {word} names no sector).") { Code = "UNKNOWN_TOPIC" },
            word,
            suggestions);

    private static ExecutionError WithSuggestions(ExecutionError error, string word, IReadOnlyList<string> suggestions)
    {
        error.Data["word"] = word;
        error.Data["suggestions"] = suggestions.ToArray();
        return error;
    }

    public static ExecutionError Unauthenticated(string message) => new(message) { Code = "UNAUTHENTICATED" };
}
