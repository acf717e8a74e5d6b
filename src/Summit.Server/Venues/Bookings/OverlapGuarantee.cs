using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Summit.Server.Venues.Bookings;

/// <summary>
/// The database's refusal of a confirmed booking overlapping another of its room (docs/adr/0027): the names the migration
/// VenueResources gives the PostgreSQL exclusion constraint and the message of the SQLite triggers, and how a save's failure is told apart.
/// </summary>
public static class OverlapGuarantee
{
    /// <summary>The exclusion constraint on PostgreSQL.</summary>
    public const string ConstraintName = "EX_RoomBookings_ConfirmedOverlap";

    /// <summary>The message the SQLite triggers abort with.</summary>
    public const string SqliteMessage = "venues.confirmed_booking_overlap";

    public static bool IsOverlapRefusal(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.ExclusionViolation && p.ConstraintName == ConstraintName,
        SqliteException s => s.Message.Contains(SqliteMessage, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// A save the database stopped so that a concurrent one could finish (PostgreSQL: deadlock or serialization failure), however EF
    /// wrapped it (its execution strategy reports one as an <see cref="InvalidOperationException"/>). Two inserts that collide on the
    /// exclusion constraint can meet this way: each checks the other's uncommitted row and waits for it, and PostgreSQL stops one of them
    /// instead of refusing it with <see cref="PostgresErrorCodes.ExclusionViolation"/>. Its transaction is aborted as a whole.
    /// </summary>
    public static bool IsStoppedForAConcurrentWrite(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A save of a confirmed booking that lost to a concurrent write: refused as an overlap, or stopped for the write that won.</summary>
    public static bool IsLostRace(Exception ex) => (ex is DbUpdateException update && IsOverlapRefusal(update)) || IsStoppedForAConcurrentWrite(ex);
}
