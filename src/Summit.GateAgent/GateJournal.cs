using System.Globalization;
using Microsoft.Data.Sqlite;
using Summit.Access.Core;

namespace Summit.GateAgent;

/// <summary>
/// The durable record of every scan, in SQLite (see docs/adr/0007-gate-agent-journal.md). Each append is its own
/// transaction committed with synchronous=FULL, so it is on disk before the caller answers the scan. Scans are uploaded
/// oldest first and acknowledged a whole batch at a time, so the acknowledged scans are always a prefix of the journal:
/// <see cref="AcknowledgedThrough"/> tells exactly which scans the server already counts. Thread-safe.
/// </summary>
public sealed class GateJournal : IDisposable
{
    // 2: the face check's figures (issue 14); a version 1 journal gains the columns when opened.
    private const int SchemaVersion = 2;

    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _append;

    private GateJournal(SqliteConnection connection)
    {
        _connection = connection;
        _append = connection.CreateCommand();
        _append.CommandText = """
            INSERT INTO scans (nonce, code, direction, reason, scanned_at, credential_id, zone, face_distance, face_lane, face_lead)
            VALUES ($nonce, $code, $direction, $reason, $scannedAt, $credentialId, $zone, $faceDistance, $faceLane, $faceLead)
            """;
        foreach (var name in new[] { "$nonce", "$code", "$direction", "$reason", "$scannedAt", "$credentialId", "$zone", "$faceDistance", "$faceLane", "$faceLead" })
        {
            _append.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        _append.Prepare();
    }

    public string Path => _connection.DataSource;

    /// <summary>Opens or creates the journal; throws <see cref="LocalDataException"/> when the file is not a healthy journal.</summary>
    public static GateJournal Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Without pooling, disposing really closes the file (a restarted agent, or a test, opens it again).
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL");
            // FULL: every commit syncs the write-ahead log to disk before it returns.
            Execute(connection, "PRAGMA synchronous = FULL");
            var check = Convert.ToString(Scalar(connection, "PRAGMA quick_check"), CultureInfo.InvariantCulture);
            if (check != "ok")
            {
                throw new LocalDataException($"The journal {path} is damaged (SQLite quick_check: {check}).");
            }
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version == 0)
            {
                Execute(connection, $"""
                    CREATE TABLE scans (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        nonce TEXT NOT NULL UNIQUE,
                        code TEXT NOT NULL,
                        direction INTEGER NOT NULL,
                        reason INTEGER NOT NULL,
                        scanned_at TEXT NOT NULL,
                        credential_id TEXT NULL,
                        zone INTEGER NULL,
                        acknowledged_at TEXT NULL,
                        face_distance REAL NULL,
                        face_lane INTEGER NOT NULL DEFAULT 0,
                        face_lead REAL NULL
                    );
                    CREATE INDEX scans_pending ON scans (seq) WHERE acknowledged_at IS NULL;
                    PRAGMA user_version = {SchemaVersion};
                    """);
            }
            else if (version == 1)
            {
                // One transaction: a power cut leaves version 1 as it was, and the next start upgrades it again.
                Execute(connection, $"""
                    BEGIN;
                    ALTER TABLE scans ADD COLUMN face_distance REAL NULL;
                    ALTER TABLE scans ADD COLUMN face_lane INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE scans ADD COLUMN face_lead REAL NULL;
                    PRAGMA user_version = {SchemaVersion};
                    COMMIT;
                    """);
            }
            else if (version != SchemaVersion)
            {
                throw new LocalDataException($"The journal {path} has schema version {version}; this agent knows version {SchemaVersion}.");
            }
            return new GateJournal(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new LocalDataException($"The journal {path} cannot be opened: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Writes one scan durably; returns once it is on disk.</summary>
    public void Append(GateVerdict verdict, string code)
    {
        lock (_lock)
        {
            var p = _append.Parameters;
            p["$nonce"].Value = verdict.Nonce.ToString();
            p["$code"].Value = code;
            p["$direction"].Value = (int)verdict.Direction;
            p["$reason"].Value = (int)verdict.Reason;
            p["$scannedAt"].Value = verdict.ScannedAt.ToString("O", CultureInfo.InvariantCulture);
            p["$credentialId"].Value = verdict.CredentialId?.ToString() ?? (object)DBNull.Value;
            p["$zone"].Value = verdict.Zone ?? (object)DBNull.Value;
            p["$faceDistance"].Value = verdict.FaceDistance ?? (object)DBNull.Value;
            p["$faceLane"].Value = verdict.FaceLane ? 1 : 0;
            p["$faceLead"].Value = verdict.FaceLead ?? (object)DBNull.Value;
            _append.ExecuteNonQuery();
        }
    }

    /// <summary>The oldest scans the server has not acknowledged.</summary>
    public IReadOnlyList<JournalEntry> Pending(int limit)
    {
        lock (_lock)
        {
            return Read("WHERE acknowledged_at IS NULL ORDER BY seq LIMIT $limit", ("$limit", limit));
        }
    }

    /// <summary>Marks every pending scan up to <paramref name="lastSequence"/> as acknowledged by the server.</summary>
    public void Acknowledge(long lastSequence, DateTimeOffset at)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE scans SET acknowledged_at = $at WHERE acknowledged_at IS NULL AND seq <= $last";
            command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$last", lastSequence);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The last sequence number of the acknowledged prefix: every scan up to it is counted by the server.</summary>
    public long AcknowledgedThrough()
    {
        lock (_lock)
        {
            return Convert.ToInt64(Scalar(_connection, """
                SELECT COALESCE((SELECT MIN(seq) - 1 FROM scans WHERE acknowledged_at IS NULL), (SELECT MAX(seq) FROM scans), 0)
                """), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Admitted scans after <paramref name="sequence"/>, oldest first: the movements the server may not know yet.</summary>
    public IReadOnlyList<JournalEntry> AdmittedAfter(long sequence)
    {
        lock (_lock)
        {
            return Read($"WHERE seq > $after AND reason IN ({(int)ReasonCode.Admitted}, {(int)ReasonCode.AdmittedWithAlert}) ORDER BY seq",
                ("$after", sequence));
        }
    }

    public (long Pending, long Total) Counts()
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FILTER (WHERE acknowledged_at IS NULL), COUNT(*) FROM scans";
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _append.Dispose();
            _connection.Dispose();
        }
    }

    private List<JournalEntry> Read(string condition, (string Name, long Value) parameter)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT seq, nonce, code, direction, reason, scanned_at, credential_id, zone, face_distance, face_lane, face_lead FROM scans {condition}";
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        using var reader = command.ExecuteReader();
        var entries = new List<JournalEntry>();
        while (reader.Read())
        {
            entries.Add(new JournalEntry(
                reader.GetInt64(0),
                Guid.Parse(reader.GetString(1)),
                reader.GetString(2),
                (GateDirection)reader.GetInt32(3),
                (ReasonCode)reader.GetInt32(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.GetInt32(9) != 0,
                reader.IsDBNull(10) ? null : reader.GetDouble(10)));
        }
        return entries;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
