using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Scanning;

/// <summary>Turns a recorded scan into the answer a gate shows: the verdict, its reason in both languages, and who it was.</summary>
public static class ScanResponses
{
    /// <param name="photoUrl">Where this caller may fetch the holder's photo (devices and staff use different, separately authorized addresses).</param>
    public static ScanResponse From(ScanOutcome outcome, Localizer localizer, Func<Guid, string> photoUrl)
    {
        var scan = outcome.Scan;
        var holder = outcome.Holder is { } card
            ? new HolderCard(card.Id, card.Name, card.OriginalName == card.Name ? null : card.OriginalName, card.Organisation, card.CountryCode,
                outcome.Category?.Code ?? "", outcome.Category?.NameEn ?? "", outcome.Category?.Colour ?? "#607D8B", card.HasPhoto ? photoUrl(card.Id) : null)
            : null;
        return new ScanResponse(scan.Id, scan.Nonce, scan.Admitted, scan.Reason, (int)scan.Reason, Message(localizer, Localizer.English, scan.Reason),
            Message(localizer, Localizer.Chinese, scan.Reason), scan.Direction, scan.ScannedAt, scan.ReceivedAt, holder, outcome.Duplicate);
    }

    public static string Message(Localizer localizer, string language, ReasonCode reason) => localizer.Get(language, $"verdict.{reason}");
}
