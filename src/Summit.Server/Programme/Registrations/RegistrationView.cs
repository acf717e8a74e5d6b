namespace Summit.Server.Programme.Registrations;

/// <summary>A guest registered for a session as staff see it: the guest's name and organisation from their card, seated or waiting (with the place).</summary>
public sealed record RegistrationView(Guid GuestId, string Name, string Organisation, RegistrationState State, int? WaitingPosition, DateTimeOffset RegisteredAt,
    bool ByStaff);
