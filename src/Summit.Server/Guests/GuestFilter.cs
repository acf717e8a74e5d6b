using Summit.Server.Guests.Contracts;

namespace Summit.Server.Guests;

/// <summary>Filters of the guest list; every one optional.</summary>
public sealed record GuestFilter
{
    public string? Search { get; init; }
    public Guid? CategoryId { get; init; }
    public GuestStatus? Status { get; init; }
    public ParticipationMode? Mode { get; init; }
    public Guid? DelegationId { get; init; }
    public string? Country { get; init; }
    public GuestSort Sort { get; init; } = GuestSort.Name;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}
