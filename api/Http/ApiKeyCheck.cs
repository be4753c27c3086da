using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SafetyDuty.Api.Http;

/// <summary>Checks the API key a request carries in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.</summary>
public sealed class ApiKeyCheck(IOptions<ApiOptions> options)
{
    private readonly byte[][] _keys = options.Value.Keys
        .Where(k => !string.IsNullOrWhiteSpace(k))
        .Select(k => Encoding.UTF8.GetBytes(k))
        .ToArray();

    /// <summary>Whether any key is configured at all; with none, nobody can write and the refusal says how to set one.</summary>
    public bool AnyConfigured => _keys.Length > 0;

    public bool IsAuthorised(HttpRequest request)
    {
        var presented = request.Headers["X-Api-Key"].FirstOrDefault();
        if (presented is null
            && request.Headers.Authorization.FirstOrDefault() is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }
        var bytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        // Compare with every key in constant time, so the time taken says nothing about how close a guess was.
        foreach (var key in _keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }
        return match;
    }
}
