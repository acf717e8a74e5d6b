using Summit.Server.Guests.Contracts;

namespace Summit.Server.Guests;

/// <summary>Query string of GET /api/v1/guests.</summary>
public sealed record GuestListQuery(string? Search, Guid? Category, GuestStatus? Status, ParticipationMode? Mode, Guid? Delegation,
    string? Country, GuestSort? Sort, int? Page, int? PageSize)
{
    public GuestFilter ToFilter() => new()
    {
        Search = Search,
        CategoryId = Category,
        Status = Status,
        Mode = Mode,
        DelegationId = Delegation,
        Country = Country,
        Sort = Sort ?? GuestSort.Name,
        Page = Page ?? 1,
        PageSize = PageSize ?? 50,
    };
}
