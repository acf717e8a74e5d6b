using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>
/// Writes the privacy notice from the settings in force: the retention line names the period and the last day it covers, so
/// that changing the setting changes the notice, and the version recorded with a consent says which period was promised.
/// </summary>
public sealed class PrivacyNoticeService(IEventCalendar events, RetentionService retention, Localizer localizer, IOptions<MailOptions> mail) : IPrivacyNotice
{
    /// <summary>The version of the notice's wording; the retention in force is added to it.</summary>
    public const string TextVersion = "2026-12";

    /// <summary>The lines of the notice, in order; each is "privacy.notice.{key}" with its "_label".</summary>
    public static readonly IReadOnlyList<string> LineKeys = ["purpose", "data", "retention", "security", "recipients", "rights", "contact"];

    public static string VersionOf(int retentionDays) => $"{TextVersion}/{retentionDays}d";

    public async Task<PrivacyNotice> ForEventAsync(Guid eventId, string eventName, string language, CancellationToken ct)
    {
        var summitEvent = await events.FindAsync(eventId, ct) ?? throw new SummitException(SummitError.NotFound("event.none"));
        var view = await retention.ForEventAsync(summitEvent, ct);
        return Write(view, eventName, mail.Value.FromAddress, language);
    }

    /// <summary>The notice for a retention in force, in one language: pure, so that tests can read it for any setting.</summary>
    public PrivacyNotice Write(RetentionView view, string eventName, string contactAddress, string language)
    {
        string Text(string key, params object[] args) => localizer.Format(language, "privacy.notice." + key, args);
        var lines = LineKeys.Select(key => new NoticeLine(key, Text(key + "_label"), key switch
        {
            "retention" => Text("retention", view.LastDayKept, view.RetentionDays),
            "contact" => Text("contact", contactAddress),
            _ => Text(key),
        })).ToList();
        return new PrivacyNotice(Text("title"), Text("intro", eventName), lines, contactAddress, VersionOf(view.RetentionDays), view.RetentionDays,
            view.DueAt);
    }
}
