namespace SafetyDuty.Seed.Reading;

/// <summary>The one normal form every input becomes, so that the same document read from .txt in any encoding or
/// from .docx yields the same text and therefore the same spans: no BOM, LF line ends only.
/// Nothing else is changed — spans must point at what the author wrote.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
    }
}
