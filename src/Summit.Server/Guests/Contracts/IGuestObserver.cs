namespace Summit.Server.Guests.Contracts;

/// <summary>Told about changes to guests that other modules must follow, inside the same unit of work.</summary>
public interface IGuestObserver
{
    /// <summary>The guest moved to another status (withdrawn, rejected...).</summary>
    Task OnStatusChangedAsync(Guid guestId, GuestStatus from, GuestStatus to, CancellationToken ct);

    /// <summary>The guest's accreditation category changed.</summary>
    Task OnCategoryChangedAsync(Guid guestId, Guid fromCategoryId, Guid toCategoryId, CancellationToken ct);
}
