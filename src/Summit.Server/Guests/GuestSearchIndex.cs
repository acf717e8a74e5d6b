using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Guests;

/// <summary>Keeps the guests' search terms in step with the guests, in the same unit of work.</summary>
public static class GuestSearchIndex
{
    /// <summary>The guest fields the terms are made of; other changes (status, consents) leave the terms alone.</summary>
    private static readonly string[] SourceProperties =
        [nameof(Guest.FamilyName), nameof(Guest.GivenName), nameof(Guest.FamilyNameLatin), nameof(Guest.GivenNameLatin),
         nameof(Guest.Organisation), nameof(Guest.Email)];

    /// <summary>Called by SaveChanges after change detection: adds the terms of new guests, replaces those of renamed ones.</summary>
    internal static void SyncTerms(SummitDbContext db)
    {
        var added = new List<Guest>();
        var edited = new List<Guest>();
        foreach (var entry in db.ChangeTracker.Entries<Guest>())
        {
            if (entry.State == EntityState.Added)
            {
                added.Add(entry.Entity);
            }
            else if (entry.State == EntityState.Modified && SourceProperties.Any(p => entry.Property(p).IsModified))
            {
                edited.Add(entry.Entity);
            }
        }

        if (added.Count == 0 && edited.Count == 0)
        {
            return;
        }

        var editedIds = edited.Select(g => g.Id).ToList();
        var stored = (editedIds.Count == 0 ? [] : db.GuestSearchTerms.Where(t => editedIds.Contains(t.GuestId)).ToList()).ToLookup(t => t.GuestId);
        foreach (var guest in added.Concat(edited))
        {
            // An erased guest is found by no search.
            var wanted = guest.ErasedAt is null ? GuestSearch.TermsOf(guest) : [];
            var existing = stored[guest.Id].ToList();
            db.GuestSearchTerms.RemoveRange(existing.Where(t => !wanted.Contains(t.Term)));
            var have = existing.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            db.GuestSearchTerms.AddRange(wanted.Where(t => !have.Contains(t)).Select(t => new GuestSearchTerm { GuestId = guest.Id, Term = t }));
        }
    }

    /// <summary>Builds the search terms of guests stored before the term table existed (a one-time catch-up at start).</summary>
    public static async Task BuildMissingAsync(SummitDbContext db, CancellationToken ct = default)
    {
        if (await db.GuestSearchTerms.AnyAsync(ct) || !await db.Guests.AnyAsync(ct))
        {
            return;
        }

        // Marking each guest modified makes SaveChanges write its terms.
        foreach (var guest in await db.Guests.ToListAsync(ct))
        {
            db.Entry(guest).Property(g => g.Email).IsModified = true;
        }

        await db.SaveChangesAsync(ct);
    }
}
