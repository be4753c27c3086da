using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SafetyDuty.Graph.Sqlite;

// Searches run often and are a few short statements each (begin, the match, the matching rows, commit), so compiling
// their SQL would cost a search as much as running it: a command keeps its compiled statements only while its
// connection stays open, and a pooled connection is closed after every operation. Searches therefore run on
// connections of their own, kept open with their statements compiled once, at most a few (one per search running at
// the same time, up to ReadersKept); the statements' values are set for each search.
public sealed partial class SqliteGraphStore
{
    private const int ReadersKept = 8;

    private readonly ConcurrentBag<PreparedReader> _readers = [];
    private volatile bool _closingReaders;

    // One read transaction on a kept connection: every statement of the work sees the same commit.
    private Task<T> RunPrepared<T>(Func<PreparedReader, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PreparedReader? reader = null;
        try
        {
            if (!_readers.TryTake(out reader))
            {
                reader = new PreparedReader(Open());
            }
            var result = reader.InReadTransaction(work);
            if (_readers.Count < ReadersKept && !_closingReaders)
            {
                _readers.Add(reader);
                reader = null;
            }
            return Task.FromResult(result);
        }
        catch (SqliteException e)
        {
            throw Failure(e);
        }
        finally
        {
            reader?.Dispose();
        }
    }

    // Closed with the store (Dispose), before its pool is cleared.
    private void CloseReaders()
    {
        _closingReaders = true;
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>An open connection and the statements compiled on it, by their SQL text.</summary>
    private sealed class PreparedReader(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public T InReadTransaction<T>(Func<PreparedReader, T> work)
        {
            // A deferred transaction begun in SQL: it takes its snapshot at the first read, as BeginTransaction(deferred) does.
            Command("BEGIN DEFERRED;").ExecuteNonQuery();
            try
            {
                return work(this);
            }
            finally
            {
                // A read transaction ends the same way whether the work succeeded: nothing was written.
                Command("COMMIT;").ExecuteNonQuery();
            }
        }

        /// <summary>The statement for this SQL, compiled the first time, with these values. It stays with the
        /// connection: the caller disposes its reader, never the command.</summary>
        public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = SqliteGraphStore.Command(connection, sql, parameters);
                command.Prepare();
                _commands[sql] = command;
                return command;
            }
            foreach (var (name, value) in parameters)
            {
                Set(command, name, value);
            }
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
            connection.Dispose();
        }
    }
}
