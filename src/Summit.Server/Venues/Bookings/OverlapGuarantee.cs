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
}
