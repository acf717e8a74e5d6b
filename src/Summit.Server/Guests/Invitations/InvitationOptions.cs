namespace Summit.Server.Guests.Invitations;

public sealed class InvitationOptions
{
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(21);
}
