namespace Summit.Server.Programme.Registrations;

/// <summary>A session's registrations: whether it requires them, the seats its placed room offers, how many are seated and waiting, and who, in order.</summary>
public sealed record SessionRegistrationsView(Guid SessionId, bool Required, int Seats, int Seated, int Waiting, IReadOnlyList<RegistrationView> Registrations);
