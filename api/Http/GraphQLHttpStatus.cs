using GraphQL;
using GraphQL.Execution;

namespace SafetyDuty.Api.Http;

/// <summary>Why a request was refused before any GraphQL execution.</summary>
public enum RequestRejection
{
    MethodNotAllowed,
    MutationOverGet,
    NotAcceptable,
    UnsupportedMediaType,
    PayloadTooLarge,
    MalformedRequest,
    BatchTooLarge,
}

/// <summary>The one place where GraphQL outcomes become HTTP status codes, after the GraphQL-over-HTTP specification.</summary>
public static class GraphQLHttpStatus
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static int Of(RequestRejection rejection) => rejection switch
    {
        RequestRejection.MethodNotAllowed or RequestRejection.MutationOverGet => StatusCodes.Status405MethodNotAllowed,
        RequestRejection.NotAcceptable => StatusCodes.Status406NotAcceptable,
        RequestRejection.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        RequestRejection.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        RequestRejection.MalformedRequest or RequestRejection.BatchTooLarge => StatusCodes.Status400BadRequest,
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null),
    };

    /// <summary>The status of an executed (or refused-at-validation) request, for the negotiated media type.</summary>
    public static int Of(ExecutionResult result, string mediaType)
    {
        var errors = result.Errors ?? [];
        // An execution that ran out of time is the server's failure, not the client's: the same request may succeed later.
        if (errors.Any(e => e is TimeoutError))
        {
            return StatusCodes.Status504GatewayTimeout;
        }
        if (errors.Any(e => e.Code == ApiKeyValidationRule.Code))
        {
            return StatusCodes.Status401Unauthorized;
        }
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }
        // A failure of ours before execution (an unhandled exception) is a 500 whatever the media type.
        if (errors.Any(e => e is UnhandledError))
        {
            return StatusCodes.Status500InternalServerError;
        }
        // Parse, validation and variable-coercion errors: no execution happened. With application/json the legacy
        // rule is 200 for any well-formed request; application/graphql-response+json says 400.
        return mediaType == Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }
}
