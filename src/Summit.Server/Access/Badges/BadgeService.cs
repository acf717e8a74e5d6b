using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Credentials;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Badges;

/// <summary>
/// Prints the badges of guests who hold a credential in force, one A6 page each, from a selection (guest ids, or a category
/// and/or a delegation). Every print is audited with its count and selection; every photo read for it too.
/// </summary>
public sealed class BadgeService(
    SummitDbContext db,
    CredentialService credentials,
    IGuestDirectory guests,
    AccessSettingsService settings,
    AuditLog audit)
{
    // Cards are built and drawn this many at a time, so the photos of a large batch are never in memory together.
    private const int Chunk = 50;

    /// <summary>The guests of the selection who hold a credential in force, in print order: ids as given, otherwise by name.</summary>
    public async Task<List<Guid>> SelectAsync(GuestSelection selection, CancellationToken ct = default)
    {
        if (selection.IsEmpty)
        {
            throw new SummitException(SummitError.Of(AccessErrors.BadgeSelectionEmpty));
        }

        var (summitEvent, _) = await settings.GetAsync(ct);
        var candidates = selection.GuestIds is { Count: > 0 } ids
            ? ids.Distinct().ToList()
            : await guests.SelectAsync(summitEvent.Id, selection.CategoryId, selection.DelegationId, CredentialService.Accreditable, ct);
        var holders = (await db.Credentials.AsNoTracking()
            .Where(c => c.EventId == summitEvent.Id && c.RevokedAt == null && candidates.Contains(c.GuestId))
            .Select(c => c.GuestId).ToListAsync(ct)).ToHashSet();
        return [.. candidates.Where(holders.Contains)];
    }

    /// <summary>How many badges the selection prints (the preview before printing).</summary>
    public async Task<int> CountAsync(GuestSelection selection, CancellationToken ct = default) => (await SelectAsync(selection, ct)).Count;

    /// <summary>The badge of one guest as a PDF.</summary>
    public async Task<Stream> PrintGuestAsync(Guid guestId, CancellationToken ct = default)
    {
        if (!await credentials.HasActiveAsync(guestId, ct))
        {
            throw new SummitException(SummitError.NotFound(ErrorCodes.CredentialNone));
        }

        return await PrintAsync(new GuestSelection([guestId]), ct);
    }

    /// <summary>
    /// Writes the selection's badges as one PDF into a temporary file and returns it open at its start; the file is deleted
    /// when the stream is closed. Refuses a selection in which nobody holds a credential in force.
    /// </summary>
    public async Task<Stream> PrintAsync(GuestSelection selection, CancellationToken ct = default)
    {
        var ids = await SelectAsync(selection, ct);
        if (ids.Count == 0)
        {
            throw new SummitException(SummitError.Of(AccessErrors.BadgeNoneInSelection));
        }

        var (summitEvent, _) = await settings.GetAsync(ct);
        var categories = (await guests.CategoriesAsync(summitEvent.Id, ct)).ToDictionary(c => c.Id);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"summit-badges-{Guid.NewGuid():N}.pdf"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            int pages;
            using (var pdf = new BadgePdfWriter(file))
            {
                foreach (var chunk in ids.Chunk(Chunk))
                {
                    foreach (var card in await CardsAsync(chunk, summitEvent.Name, summitEvent.NameZh, categories, ct))
                    {
                        pdf.Add(card);
                    }
                }

                pages = pdf.Pages;
                if (pages == 0)
                {
                    // Every credential of the selection was revoked while the batch was drawn.
                    throw new SummitException(SummitError.Of(AccessErrors.BadgeNoneInSelection));
                }

                pdf.Close();
            }

            await audit.RecordAsync(AuditActions.BadgesPrinted, ids.Count == 1 ? "guest" : "badges", ids.Count == 1 ? ids[0].ToString() : "selection",
                new Dictionary<string, (object?, object?)>
                {
                    ["count"] = (null, pages),
                    ["categoryId"] = (null, selection.GuestIds is { Count: > 0 } ? null : selection.CategoryId),
                    ["delegationId"] = (null, selection.GuestIds is { Count: > 0 } ? null : selection.DelegationId),
                    ["guests"] = (null, string.Join(",", ids)),
                });
            await db.SaveChangesAsync(ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private async Task<List<BadgeCard>> CardsAsync(IReadOnlyCollection<Guid> ids, string eventName, string eventNameZh,
        IReadOnlyDictionary<Guid, CategoryCard> categories, CancellationToken ct)
    {
        var passes = await credentials.GetPassesAsync(ids, ct);
        var holders = (await guests.GetCardsAsync(ids, ct)).Where(g => passes.ContainsKey(g.Id)).ToDictionary(g => g.Id);
        var photos = await guests.GetPhotosAsync([.. holders.Values.Where(g => g.HasPhoto).Select(g => g.Id)], ct);
        return [.. ids.Where(holders.ContainsKey).Select(id =>
        {
            var guest = holders[id];
            var category = categories[guest.CategoryId];
            return new BadgeCard
            {
                EventNameEn = eventName,
                EventNameZh = eventNameZh.Length > 0 ? eventNameZh : eventName,
                Name = guest.OriginalName,
                LatinName = guest.Name,
                Title = guest.Position,
                Organisation = guest.Organisation,
                Country = Countries.Find(guest.CountryCode) ?? new Country(guest.CountryCode, guest.CountryCode, guest.CountryCode),
                Category = new BadgeCategory(category.Code, category.NameEn, category.NameZh, category.Colour),
                Zones = [.. passes[id].Zones.Select(z => z.Code)],
                PhotoJpeg = photos.GetValueOrDefault(id),
                CredentialCode = passes[id].Code,
            };
        })];
    }
}
