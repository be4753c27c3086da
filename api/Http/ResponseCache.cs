using Microsoft.Extensions.Caching.Memory;

namespace SafetyDuty.Api.Http;

/// <summary>Whole answers of queries asked again, as the bytes sent, under <see cref="HttpCaching.AnswerKeyOf"/>: the
/// content version, the media type and the request. A load moves the version, so no answer outlives what it was read
/// from. Only answers without errors are kept (an error may be a timeout or a store that did not answer), never a
/// mutation's, and within a bound in bytes, the least used going first. Off with the answer cache
/// (<c>Answers:Cache=false</c>, the distinct-question benchmark).</summary>
public sealed class ResponseCache : IDisposable
{
    private readonly MemoryCache? _answers;

    public ResponseCache(bool enabled, long maxBytes)
    {
        _answers = enabled ? new MemoryCache(new MemoryCacheOptions { SizeLimit = maxBytes }) : null;
    }

    public bool Enabled => _answers is not null;

    public bool TryGet(string key, out byte[] answer)
    {
        answer = [];
        return _answers?.TryGetValue(key, out answer!) == true;
    }

    public void Keep(string key, ReadOnlySpan<byte> answer) =>
        _answers?.Set(key, answer.ToArray(), new MemoryCacheEntryOptions { Size = answer.Length + (key.Length * sizeof(char)) });

    public void Dispose() => _answers?.Dispose();
}
