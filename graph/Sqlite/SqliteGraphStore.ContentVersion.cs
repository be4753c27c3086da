using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SafetyDuty.Graph.Sqlite;

// The content version (migration 4): one counter row that triggers bump inside the writing transaction itself, so
// it changes exactly when a commit changes what readers see, whichever process wrote the file. Every write changes the
// documents table (a load inserts, a replacement deletes and inserts, a removal deletes) or the sector names (the
// taxonomy); an Unchanged load writes nothing, so the version stays.
//
// Every request reads it once (the read model answers from the snapshot of that version), so it is read through one
// statement prepared once on a connection of its own: a step of a prepared statement, not a connection taken from the
// pool and a statement compiled for every request. Each step is its own read transaction, so it sees every commit,
// from this process or another (an ingest run beside the API).
public sealed partial class SqliteGraphStore
{
    private readonly Lock _versionGate = new();
    private SqliteConnection? _versionConnection;
    private SqliteCommand? _versionRead;

    public Task<long> GetContentVersionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            lock (_versionGate)
            {
                if (_versionRead is null)
                {
                    var connection = Open();
                    var command = Command(connection, "SELECT version FROM content_version WHERE id = 1;");
                    try
                    {
                        command.Prepare();
                    }
                    catch
                    {
                        command.Dispose();
                        connection.Dispose();
                        throw;
                    }
                    (_versionConnection, _versionRead) = (connection, command);
                }
                return Task.FromResult(Convert.ToInt64(_versionRead.ExecuteScalar(), CultureInfo.InvariantCulture));
            }
        }
        catch (SqliteException e)
        {
            throw Failure(e);
        }
    }

    // The version's own connection is closed before the pool is cleared (Dispose); a later read opens it again.
    private void CloseVersionReader()
    {
        lock (_versionGate)
        {
            _versionRead?.Dispose();
            _versionConnection?.Dispose();
            (_versionRead, _versionConnection) = (null, null);
        }
    }
}
