using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SafetyDuty.Graph.Model;

/// <summary>Stable identifiers: the same facts yield the same id on every machine, whatever the load order.</summary>
public static class StableId
{
    /// <summary>A prefix plus the first 16 hex digits of SHA-256 over the parts (unit-separator joined).</summary>
    public static string Of(string prefix, params ReadOnlySpan<string> parts)
    {
        // The UTF-8 of the parts joined by U+001F, encoded in place: ids are made for every duty of every document read.
        var length = Math.Max(0, parts.Length - 1);
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetByteCount(part);
        }

        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var bytes = (rented ?? stackalloc byte[1024])[..length];
        var at = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes[at++] = 0x1f;
            }

            at += Encoding.UTF8.GetBytes(parts[i], bytes[at..]);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return string.Concat(prefix, "_", Convert.ToHexStringLower(hash[..8]));
    }

    /// <summary>An id inside a scope (a place, or a document of a place): as <see cref="Of"/> over the scope and the
    /// parts, but its first <see cref="ScopeDigits"/> hex digits are the scope's own. Everything of one place then
    /// shares a prefix, so each index on ids keeps a place together: loading a place touches a few index pages,
    /// not one page per node, and reads of one place stay close together on disk.</summary>
    public static string Within(string prefix, string scopeId, params ReadOnlySpan<string> parts)
    {
        var hashed = Of(prefix, [scopeId, .. parts]);
        return string.Concat(prefix, "_", ScopeOf(scopeId), hashed.AsSpan(prefix.Length + 1 + ScopeDigits));
    }

    /// <summary>How many leading hex digits of an id name its place.</summary>
    public const int ScopeDigits = 6;

    // The place digits of an id: the first digits after its prefix (a jurisdiction's own, or inherited by Within).
    private static string ScopeOf(string id)
    {
        var digits = id.AsSpan(id.IndexOf('_') + 1);
        if (digits.Length < ScopeDigits)
        {
            throw new ArgumentException($"'{id}' is not a stable id.", nameof(id));
        }

        return digits[..ScopeDigits].ToString();
    }

    public static string Jurisdiction(string name) => Of("j", name);

    public static string Document(string jurisdictionId, string numberOrTitle) => Within("doc", jurisdictionId, numberOrTitle);

    public static string Body(string jurisdictionId, string name) => Within("b", jurisdictionId, name);

    public static string Leader(string jurisdictionId, string title) => Within("l", jurisdictionId, title);

    /// <summary>Duty ids use the document, the locator and the order: locators can repeat (two （七） under one body).</summary>
    public static string Duty(string documentId, string locator, int order) => Within("d", documentId, locator, order.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string Sector(string name) => Of("s", name);

    /// <summary>A sector only a document names: scoped to that document, so two places' 露营地 never collide and a new
    /// version of the document replaces its own.</summary>
    public static string DocumentSector(string documentId, string name) => Within("s", documentId, name);

    public static string Law(string canonicalTitle) => Of("law", canonicalTitle);
}
