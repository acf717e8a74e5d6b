namespace Summit.Server.Programme.Registrations;

/// <summary>The guest staff register for a session.</summary>
public sealed record RegistrationInput(Guid GuestId);
