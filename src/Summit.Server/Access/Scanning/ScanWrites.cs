using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Summit.Server.Access.Domain;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// Writes a batch's new scans and the presence rows they moved, inside the batch's transaction. On PostgreSQL as one command of
/// two set-based statements over arrays: its text never changes, so Npgsql prepares it once per connection. Through the change
/// tracker every row was an entity to snapshot and compare, and every batch a statement of a new size for PostgreSQL to parse and
/// plan: at 2,000 scans a second that was the largest cost left on the scan path (docs/benchmarks.md). SQLite, one local writer,
/// keeps the change tracker.
/// </summary>
internal static class ScanWrites
{
    private const string PostgresSql = """
        INSERT INTO "Scans" ("Id", "EventId", "Scanner", "Nonce", "DeviceId", "GateId", "Zone", "Direction", "Source", "CredentialId",
            "GuestId", "Reason", "Admitted", "ScannedAt", "ReceivedAt", "Late", "Conflict", "DeviceReason",
            "FaceDistance", "FaceLane", "FaceLead")
        SELECT * FROM unnest(@id, @event, @scanner, @nonce, @device, @gate, @zone, @direction, @source, @credential, @guest, @reason,
            @admitted, @scanned_at, @received_at, @late, @conflict, @device_reason, @face_distance, @face_lane, @face_lead);
        INSERT INTO "ZonePresence" ("CredentialId", "Zone", "EventId", "GuestId", "Inside", "LastEntryAt", "LastExitAt", "DayStart",
            "EntriesInDay", "UpdatedAt")
        SELECT * FROM unnest(@n_credential, @n_zone, @n_event, @n_guest, @n_inside, @n_last_entry, @n_last_exit, @n_day_start, @n_entries,
            @n_updated_at);
        UPDATE "ZonePresence" p SET "Inside" = u.inside, "LastEntryAt" = u.last_entry, "LastExitAt" = u.last_exit, "DayStart" = u.day_start,
            "EntriesInDay" = u.entries, "UpdatedAt" = u.updated_at
        FROM unnest(@u_credential, @u_zone, @u_inside, @u_last_entry, @u_last_exit, @u_day_start, @u_entries, @u_updated_at)
            AS u(credential, zone, inside, last_entry, last_exit, day_start, entries, updated_at)
        WHERE p."CredentialId" = u.credential AND p."Zone" = u.zone;
        """;

    /// <param name="presence">The rows this batch changed, with whether each is new; rows it only read are not written.</param>
    public static async Task WriteAsync(SummitDbContext db, IReadOnlyList<Scan> scans, IReadOnlyCollection<(ZonePresence Row, bool IsNew)> presence,
        CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            db.Scans.AddRange(scans);
            foreach (var (row, isNew) in presence)
            {
                if (isNew)
                {
                    db.ZonePresence.Add(row);
                }
                else
                {
                    db.ZonePresence.Update(row);
                }
            }

            return;
        }

        if (scans.Count == 0)
        {
            return;
        }

        // New rows are inserted, never merged: a batch that lost the race to create one must fail on its key and decide again,
        // as the row it did not see may say the person is inside. Existing rows are this transaction's, locked when read.
        var created = presence.Where(p => p.IsNew).Select(p => p.Row).ToList();
        var changed = presence.Where(p => !p.IsNew).Select(p => p.Row).ToList();
        await db.Database.ExecuteSqlRawAsync(PostgresSql,
        [
            Array("id", NpgsqlDbType.Uuid, scans, s => s.Id),
            Array("event", NpgsqlDbType.Uuid, scans, s => s.EventId),
            Array("scanner", NpgsqlDbType.Varchar, scans, s => s.Scanner),
            Array("nonce", NpgsqlDbType.Uuid, scans, s => s.Nonce),
            Array("device", NpgsqlDbType.Uuid, scans, s => s.DeviceId),
            Array("gate", NpgsqlDbType.Uuid, scans, s => s.GateId),
            Array("zone", NpgsqlDbType.Integer, scans, s => s.Zone),
            Array("direction", NpgsqlDbType.Integer, scans, s => (int)s.Direction),
            Array("source", NpgsqlDbType.Integer, scans, s => (int)s.Source),
            Array("credential", NpgsqlDbType.Uuid, scans, s => s.CredentialId),
            Array("guest", NpgsqlDbType.Uuid, scans, s => s.GuestId),
            Array("reason", NpgsqlDbType.Integer, scans, s => (int)s.Reason),
            Array("admitted", NpgsqlDbType.Boolean, scans, s => s.Admitted),
            Array("scanned_at", NpgsqlDbType.TimestampTz, scans, s => s.ScannedAt.ToUniversalTime()),
            Array("received_at", NpgsqlDbType.TimestampTz, scans, s => s.ReceivedAt.ToUniversalTime()),
            Array("late", NpgsqlDbType.Boolean, scans, s => s.Late),
            Array("conflict", NpgsqlDbType.Boolean, scans, s => s.Conflict),
            Array("device_reason", NpgsqlDbType.Integer, scans, s => (int?)s.DeviceReason),
            Array("face_distance", NpgsqlDbType.Double, scans, s => s.FaceDistance),
            Array("face_lane", NpgsqlDbType.Boolean, scans, s => s.FaceLane),
            Array("face_lead", NpgsqlDbType.Double, scans, s => s.FaceLead),
            Array("n_event", NpgsqlDbType.Uuid, created, p => p.EventId),
            Array("n_guest", NpgsqlDbType.Uuid, created, p => p.GuestId),
            .. Movements("n", created),
            .. Movements("u", changed),
        ], ct);
    }

    /// <summary>The key and the movement columns of presence rows, as arrays named with the statement's prefix.</summary>
    private static NpgsqlParameter[] Movements(string prefix, List<ZonePresence> rows) =>
    [
        Array(prefix + "_credential", NpgsqlDbType.Uuid, rows, p => p.CredentialId),
        Array(prefix + "_zone", NpgsqlDbType.Integer, rows, p => p.Zone),
        Array(prefix + "_inside", NpgsqlDbType.Boolean, rows, p => p.Inside),
        Array(prefix + "_last_entry", NpgsqlDbType.TimestampTz, rows, p => p.LastEntryAt?.ToUniversalTime()),
        Array(prefix + "_last_exit", NpgsqlDbType.TimestampTz, rows, p => p.LastExitAt?.ToUniversalTime()),
        Array(prefix + "_day_start", NpgsqlDbType.TimestampTz, rows, p => p.DayStart.ToUniversalTime()),
        Array(prefix + "_entries", NpgsqlDbType.Integer, rows, p => p.EntriesInDay),
        Array(prefix + "_updated_at", NpgsqlDbType.TimestampTz, rows, p => p.UpdatedAt.ToUniversalTime()),
    ];

    private static NpgsqlParameter Array<TRow, TValue>(string name, NpgsqlDbType type, IEnumerable<TRow> rows, Func<TRow, TValue> value) =>
        new(name, NpgsqlDbType.Array | type) { Value = rows.Select(value).ToArray() };
}
