using GraphQL;
using GraphQL.Execution;

namespace SafetyDuty.Api.Schema;

/// <summary>Errors that are the client's doing, each with a machine-readable code in <c>extensions.code</c>.</summary>
public static class RequestErrors
{
    public static ExecutionError InvalidArgument(string message) => new(message) { Code = "INVALID_ARGUMENT" };

    public static ExecutionError NotFound(string message) => new(message) { Code = "NOT_FOUND" };

    /// <summary>A name that names nothing known: the word and what it may have meant, in <c>extensions</c>.</summary>
    public static ExecutionError NotFound(string message, string word, IReadOnlyList<string> suggestions) =>
        new SuggestingError(message, word, suggestions) { Code = "NOT_FOUND" };

    /// <summary>A topic read as no sector at all: never answered with an empty list, which would read as "nobody".</summary>
    public static ExecutionError UnknownTopic(string word, IReadOnlyList<string> suggestions) =>
        new SuggestingError(
            $"没有读懂主题“{word}”，它不对应任何行业领域"
                + (suggestions.Count > 0 ? $"；您是不是要找：{string.Join("、", suggestions)}" : "")
                + $" (topic {word} names no sector).",
            word,
            suggestions)
        { Code = "UNKNOWN_TOPIC" };

    public static ExecutionError Unauthenticated(string message) => new(message) { Code = "UNAUTHENTICATED" };
}

/// <summary>A client error about one word (a topic, a place, a sector), with what the word may have meant.</summary>
public sealed class SuggestingError(string message, string word, IReadOnlyList<string> suggestions) : ExecutionError(message)
{
    public string Word { get; } = word;

    public IReadOnlyList<string> Suggestions { get; } = suggestions;
}

/// <summary>GraphQL.NET's error shape plus, for a <see cref="SuggestingError"/>, <c>extensions.word</c> and
/// <c>extensions.suggestions</c>, so that a client can offer "您是不是要找：…" without parsing the message.</summary>
public sealed class SuggestingErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is SuggestingError error)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions["word"] = error.Word;
            extensions["suggestions"] = error.Suggestions;
            info.Extensions = extensions;
        }
        return info;
    }
}
