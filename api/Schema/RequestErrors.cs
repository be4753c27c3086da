using GraphQL;

namespace SafetyDuty.Api.Schema;

/// <summary>Errors that are the client's doing, each with a machine-readable code in <c>extensions.code</c>.</summary>
public static class RequestErrors
{
    public static ExecutionError InvalidArgument(string message) => new(message) { Code = "INVALID_ARGUMENT" };

    public static ExecutionError NotFound(string message) => new(message) { Code = "NOT_FOUND" };

    public static ExecutionError Unauthenticated(string message) => new(message) { Code = "UNAUTHENTICATED" };
}
