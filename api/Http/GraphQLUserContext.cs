namespace SafetyDuty.Api.Http;

/// <summary>What the endpoint knows about the caller, handed to validation and resolvers.</summary>
public sealed class GraphQLUserContext(bool hasValidApiKey, bool keysConfigured = true, Func<Task<long>>? contentVersion = null)
    : Dictionary<string, object?>
{
    // Read from the store once, and only by a request that needs it (a GET's tag, a connection's cursors).
    private readonly Lazy<Task<long>> _contentVersion = new(contentVersion ?? (() => Task.FromResult(0L)));

    /// <summary>The request carried one of the configured API keys: it may write.</summary>
    public bool HasValidApiKey { get; } = hasValidApiKey;

    /// <summary>The server has API keys configured (<c>Api:Keys</c>); without any, writes are switched off.</summary>
    public bool KeysConfigured { get; } = keysConfigured;

    /// <summary>The store's content version as this request first asked for it: cursors carry it, so that a cursor
    /// given before a load is refused after it rather than repeat or skip items.</summary>
    public Task<long> ContentVersionAsync() => _contentVersion.Value;

    /// <summary>Why a write is refused, in the user's terms: a wrong key, or no key configured on the server at all
    /// (then a key typed into the page can never work, and only an administrator can change that).</summary>
    public string WriteRefusal => KeysConfigured
        ? "写操作需要有效的 API 密钥（请求头 X-Api-Key 或 Authorization: Bearer）(a valid API key is required to write)."
        : "本服务器还没有设置任何 API 密钥，所以暂时不能加载文件或做其他写操作。请管理员在配置项 Api:Keys 中设置密钥后重启服务："
            + "在 api/appsettings.json 的 \"Api\" 下写 \"Keys\": [\"自选的长随机密钥\"]，或设置环境变量 Api__Keys__0=自选的长随机密钥；"
            + "然后在本页的“API 密钥”中填写同一个密钥 (no API key is configured on the server: an administrator sets Api:Keys).";
}
