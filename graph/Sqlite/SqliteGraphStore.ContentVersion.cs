using System.Globalization;

namespace SafetyDuty.Graph.Sqlite;

// The content version (migration 4): one counter row that triggers bump inside the writing transaction itself, so
// it changes exactly when a commit changes what readers see, whichever process wrote the file. Every write changes the
// documents table (a load inserts, a replacement deletes and inserts, a removal deletes) or the sector names (the
// taxonomy); an Unchanged load writes nothing, so the version stays.
public sealed partial class SqliteGraphStore
{
    public Task<long> GetContentVersionAsync(CancellationToken cancellationToken = default) => Run(connection =>
        Convert.ToInt64(Scalar(connection, "SELECT version FROM content_version WHERE id = 1;"), CultureInfo.InvariantCulture),
        cancellationToken);
}
