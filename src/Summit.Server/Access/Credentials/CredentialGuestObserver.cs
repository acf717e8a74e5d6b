using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Credentials;

/// <summary>Keeps credentials in step with the guest pipeline: a withdrawn or rejected guest loses theirs; a new category means a new code.</summary>
public sealed class CredentialGuestObserver(CredentialService credentials, IGuestDirectory guests, Localizer localizer) : IGuestObserver
{
    public async Task OnStatusChangedAsync(Guid guestId, GuestStatus from, GuestStatus to, CancellationToken ct)
    {
        if (to is GuestStatus.Withdrawn or GuestStatus.Rejected)
        {
            await credentials.RevokeActiveAsync(guestId, localizer.Get(Localizer.English, $"access.revoke.status.{to}"), ct);
        }
        else if (to == GuestStatus.Approved)
        {
            await credentials.IssueOnApprovalAsync(guestId, ct);
        }
    }

    public async Task OnCategoryChangedAsync(Guid guestId, Guid fromCategoryId, Guid toCategoryId, CancellationToken ct)
    {
        // The category is signed into the code, so the old badge would keep opening the old category's zones.
        if (await credentials.HasActiveAsync(guestId, ct) && await guests.FindAsync(guestId, ct) is { } guest)
        {
            await credentials.ReissueWithinAsync(guest with { CategoryId = toCategoryId }, localizer.Get(Localizer.English, "access.reissue.category_changed"), ct);
        }
    }
}
