namespace Summit.Server.Guests.Contracts;

/// <summary>Where a consenting guest's face enrolment stands, as the guest reads it in the portal.</summary>
/// <param name="Issues">When the photo was refused: what to change, in the reader's language.</param>
public sealed record GuestFaceStatus(bool Enrolled, bool Pending, IReadOnlyList<string> Issues);
