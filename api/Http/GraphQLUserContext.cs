namespace SafetyDuty.Api.Http;

/// <summary>What the endpoint knows about the caller, handed to validation and resolvers.</summary>
public sealed class GraphQLUserContext(bool hasValidApiKey) : Dictionary<string, object?>
{
    /// <summary>The request carried one of the configured API keys: it may write.</summary>
    public bool HasValidApiKey { get; } = hasValidApiKey;
}
