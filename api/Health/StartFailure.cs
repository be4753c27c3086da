using Microsoft.Extensions.Options;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Health;

/// <summary>Why the service could not start, as the one last line an officer can act on; null for a bug, which
/// keeps its stack trace.</summary>
public static class StartFailure
{
    public static string? Explain(Exception exception) => exception switch
    {
        // The store could not be opened or prepared (a database file this version cannot take, Neo4j unreachable).
        GraphStoreException store => $"知识库无法启动 (the store could not start, {store.Code}): {store.Message}",
        OptionsValidationException invalid => Settings(invalid.Failures),
        AggregateException { InnerExceptions: var all } when all.All(e => e is OptionsValidationException) =>
            Settings(all.OfType<OptionsValidationException>().SelectMany(e => e.Failures)),
        // A value that is not of its setting's type at all (Store:Kind = mysql, Api:MaxDepth = many): the binder's
        // message names the setting, its inner one the value.
        InvalidOperationException { InnerException: { } inner } binding when binding.TargetSite?.DeclaringType == typeof(Microsoft.Extensions.Configuration.ConfigurationBinder) =>
            Settings([$"{binding.Message} {inner.Message}"]),
        _ => null,
    };

    private static string Settings(IEnumerable<string> failures) =>
        $"设置无效，服务未启动 (invalid settings, not started): {string.Join("; ", failures)}";
}
