namespace Summit.Server.Programme.Agenda;

/// <summary>
/// A new calendar feed's address, shown once (only its key's hash is kept): the https address, the same as webcal:// for a phone's calendar,
/// and the QR code of the https address as a PNG.
/// </summary>
public sealed record AgendaFeedLink(string Url, string WebcalUrl, DateTimeOffset CreatedAt, byte[] QrPng);
