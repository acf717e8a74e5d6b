using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// Moves the arrivals pipeline when a guest's status or category changes. The observer is told inside the guest's unit of
/// work, before it is saved: it asks for a refresh now and again once the change is saved, so the screen shows the saved count.
/// </summary>
public sealed class DashboardGuestObserver(OperationsBoard board, SummitDbContext db) : IGuestObserver
{
    private bool _listening;

    public Task OnStatusChangedAsync(Guid guestId, GuestStatus from, GuestStatus to, CancellationToken ct) => Changed();

    public Task OnCategoryChangedAsync(Guid guestId, Guid fromCategoryId, Guid toCategoryId, CancellationToken ct) => Changed();

    private Task Changed()
    {
        if (!_listening)
        {
            _listening = true;
            db.SavedChanges += (_, _) => board.RequestRefreshEverywhere();
        }

        board.RequestRefresh();
        return Task.CompletedTask;
    }
}
