using Summit.Server.Guests.Contracts;
namespace Summit.Server.Guests.Invitations;

public sealed record InvitationBatchResult(IReadOnlyList<SentInvitation> Sent, IReadOnlyList<BulkRefusal> Refused);
