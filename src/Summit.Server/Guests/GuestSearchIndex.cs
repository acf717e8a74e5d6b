using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Guests;

/// <summary>Builds the search terms of guests stored before the term table existed (a one-time catch-up at start).</summary>
public static class GuestSearchIndex
{
    public static async Task BuildMissingAsync(SummitDbContext db, CancellationToken ct = default)
    {
        if (await db.GuestSearchTerms.AnyAsync(ct) || !await db.Guests.AnyAsync(ct))
        {
            return;
        }

        // Marking each guest modified makes SaveChanges write its terms.
        foreach (var guest in await db.Guests.ToListAsync(ct))
        {
            db.Entry(guest).Property(g => g.EmailNormalized).IsModified = true;
        }

        await db.SaveChangesAsync(ct);
    }
}
