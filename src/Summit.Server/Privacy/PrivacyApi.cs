using System.Globalization;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>Privacy under /api/v1/privacy: the notice in force, the retention period, the purge and its dry run, a person's requests.</summary>
public static class PrivacyApi
{
    public static RouteGroupBuilder MapPrivacyApi(this RouteGroupBuilder api)
    {
        var privacy = api.MapGroup("/privacy").WithTags("Privacy");
        privacy.MapGet("/notice", async (IEventCalendar events, IPrivacyNotice notice, CancellationToken ct) =>
            {
                var summitEvent = await events.GetCurrentAsync(ct);
                var language = Language();
                return await notice.ForEventAsync(summitEvent.Id, language == Localizer.Chinese && summitEvent.NameZh.Length > 0 ? summitEvent.NameZh : summitEvent.Name,
                    language, ct);
            })
            .AllowAnonymous().WithSummary("The privacy notice in force for the current event, in the request's language (written from the retention setting)");

        privacy.MapGet("/retention", (RetentionService retention, CancellationToken ct) => retention.GetCurrentAsync(ct))
            .RequireAuthorization(Policies.PrivacyPurge).WithSummary("The current event's retention period, its default and the last day data is kept");
        privacy.MapPut("/retention", (RetentionInput input, RetentionService retention, CancellationToken ct) => retention.SetAsync(input, ct))
            .RequireAuthorization(Policies.RetentionManage)
            .WithSummary($"Set the current event's retention period ({RetentionRules.MinDays} to {RetentionRules.MaxDays} days after its end); audited");

        privacy.MapGet("/purge/preview", (PurgeService purge, CancellationToken ct) => purge.PreviewAsync(Language(), ct))
            .RequireAuthorization(Policies.PrivacyPurge)
            .WithSummary("Dry run of the purge: what it would delete or make anonymous per module and kind, and whom it keeps and why (changes nothing)");
        privacy.MapPost("/purge", (PurgeService purge, CancellationToken ct) => purge.RunAsync(PurgeTrigger.Manual, null, ct))
            .RequireAuthorization(Policies.PrivacyPurge)
            .WithSummary("Run the purge of the current event now (refused before its retention period ends or while another server runs it)");
        privacy.MapGet("/purge/runs", (PurgeService purge, CancellationToken ct) => purge.RunsAsync(ct))
            .RequireAuthorization(Policies.PrivacyPurge).WithSummary("The latest purges of the current event, with their counts");

        var subjects = privacy.MapGroup("/subjects").RequireAuthorization(Policies.PrivacyRequests);
        subjects.MapGet("/", (string? search, SubjectRequests requests, CancellationToken ct) => requests.SearchAsync(search, ct))
            .WithSummary("Find the person a request is about, by name or address");
        subjects.MapGet("/{id:guid}", (Guid id, SubjectRequests requests, CancellationToken ct) => requests.ExportAsync(id, ct))
            .WithSummary("Everything Summit holds about the person, per module (audited)");
        subjects.MapGet("/{id:guid}/export.json", async (Guid id, SubjectRequests requests, CancellationToken ct) =>
            {
                var (content, name) = await requests.ExportJsonAsync(id, Language(), ct);
                return TypedResults.File(content, "application/json; charset=utf-8", name);
            })
            .WithSummary("The person's data as a JSON file, to hand over (audited)");
        subjects.MapGet("/{id:guid}/erasure", (Guid id, SubjectRequests requests, CancellationToken ct) => requests.PreviewErasureAsync(id, Language(), ct))
            .WithSummary("What an erasure would delete or make anonymous, and the legal holds that stop it (changes nothing; audited)");
        subjects.MapPost("/{id:guid}/erasure", (Guid id, ErasureRequest request, SubjectRequests requests, CancellationToken ct) =>
                requests.EraseAsync(id, request, Language(), ct))
            .WithSummary("Erase the person's data: needs the reason and confirm=true; refused with the reasons while a legal hold stands; audited");
        return api;
    }

    private static string Language() => Localizer.LanguageOf(CultureInfo.CurrentUICulture);
}
