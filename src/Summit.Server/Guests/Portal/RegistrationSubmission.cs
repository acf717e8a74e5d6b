namespace Summit.Server.Guests.Portal;

public sealed record RegistrationSubmission(GuestInput Form, byte[]? Photo, bool DataConsent, bool FaceConsent);
