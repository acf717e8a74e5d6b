using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Guests.Invitations;

/// <summary>Summit:Invitations: how long an invitation link works.</summary>
public sealed class InvitationOptions : IValidatedOptions
{
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(21);

    public IEnumerable<string> Problems()
    {
        if (Lifetime < TimeSpan.FromHours(1) || Lifetime > TimeSpan.FromDays(366))
        {
            yield return $"Summit:Invitations:Lifetime must be from an hour to 366 days; it is {Lifetime}.";
        }
    }
}
