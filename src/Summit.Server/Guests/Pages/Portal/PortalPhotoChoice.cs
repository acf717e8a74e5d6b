namespace Summit.Server.Guests.Pages.Portal;

/// <summary>A photo chosen in the portal: its bytes to send with the form, or the problem the browser-side check found.</summary>
public sealed record PortalPhotoChoice(byte[]? Photo, FieldProblem? Problem);
