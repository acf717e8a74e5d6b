using System.Text;
using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Programme.Agenda;
using Summit.Server.Programme.Export;
using Summit.Server.Programme.Forums;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Public;
using Summit.Server.Programme.Registrations;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Scheduling;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Settings;
using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme;

/// <summary>REST endpoints of the programme module under /api/v1/programme, and the public programme under /api/v1/public/programme.</summary>
public static class ProgrammeApi
{
    /// <summary>
    /// The latest released programme to anyone, without signing in, limited per address like the other anonymous endpoints; never the draft.
    /// </summary>
    private static void MapPublicProgramme(RouteGroupBuilder api)
    {
        var published = api.MapGroup("/public/programme").WithTags("Public programme").AllowAnonymous().RequireSummitRateLimit(RateLimitFamily.Public);
        published.MapGet("", (DateOnly? day, Guid? forum, Guid? room, string? language, PublicProgrammeService programme, CancellationToken ct) =>
                programme.ProgrammeAsync(new PublicProgrammeQuery(day, forum, room, language), ct))
            .WithSummary("The latest released programme, filtered by day, forum, room or language (spoken or interpreted)");
        published.MapGet("/speakers", (PublicProgrammeService programme, CancellationToken ct) => programme.SpeakersAsync(ct))
            .WithSummary("The people on stage in the released programme: name, organisation, position and their sessions");
        published.MapGet("/speakers/{id:guid}", (Guid id, PublicProgrammeService programme, CancellationToken ct) => programme.SpeakerAsync(id, ct))
            .WithSummary("One person on stage in the released programme");
        published.MapGet("/changes", (PublicProgrammeService programme, CancellationToken ct) => programme.ChangesAsync(ct))
            .WithSummary("What the latest release changed against the one before it, in the request's language");
        published.MapGet("/schedule.xml", async (string? language, PublicProgrammeService programme, IOptions<MailOptions> mail, CancellationToken ct) =>
                TypedResults.Text(ScheduleExport.XmlText(await programme.ExportAsync(language, mail.Value.PublicBaseUrl, ct)), "application/xml", Encoding.UTF8))
            .WithSummary("The released programme as a Frab schedule.xml, as pretalx and Indico write it, for conference apps (titles in en or zh-Hans)");
        published.MapGet("/schedule.json", async (string? language, PublicProgrammeService programme, IOptions<MailOptions> mail, CancellationToken ct) =>
                TypedResults.Text(ScheduleExport.Json(await programme.ExportAsync(language, mail.Value.PublicBaseUrl, ct)).ToJsonString(), "application/json",
                    Encoding.UTF8))
            .WithSummary("The released programme as the schedule.json variant of the Frab format (titles in en or zh-Hans)");
    }

    /// <summary>
    /// A guest's agenda under their portal token (the portal's rate limit, per address and per token), and their calendar feed to whoever holds
    /// its address (the public rate limit): no staff account in either.
    /// </summary>
    private static void MapAgenda(RouteGroupBuilder api)
    {
        var agenda = api.MapGroup("/portal/{token}/agenda").WithTags("Guest portal").AllowAnonymous().RequireSummitRateLimit(RateLimitFamily.Portal);
        agenda.MapGet("", (string token, AgendaService agendas, CancellationToken ct) => agendas.GetAsync(token, ct))
            .WithSummary("The guest's agenda from the latest release: chosen sessions and those they appear in, the clashes among them, the sessions on offer");
        agenda.MapPut("/sessions/{sessionId:guid}", (string token, Guid sessionId, AgendaService agendas, CancellationToken ct) =>
                agendas.AddAsync(token, sessionId, ct))
            .WithSummary("Add a session of the latest release to the agenda; a clash is shown in the answer, not refused (409 programme.agenda_full past the limit)");
        agenda.MapDelete("/sessions/{sessionId:guid}", (string token, Guid sessionId, AgendaService agendas, CancellationToken ct) =>
                agendas.RemoveAsync(token, sessionId, ct))
            .WithSummary("Take a chosen session out of the agenda");
        agenda.MapPut("/sessions/{sessionId:guid}/registration", (string token, Guid sessionId, AgendaService agendas, CancellationToken ct) =>
                agendas.RegisterAsync(token, sessionId, ct))
            .WithSummary("Register for a session of the latest release that requires it: a seat while the room has seats left, else the waiting list")
            .WithDescription("409 programme.registration_not_required for a session open to all; 409 programme.registrations_full or " +
                "programme.waiting_list_full past the limits. Registering again changes nothing.");
        agenda.MapDelete("/sessions/{sessionId:guid}/registration", (string token, Guid sessionId, AgendaService agendas, CancellationToken ct) =>
                agendas.CancelRegistrationAsync(token, sessionId, ct))
            .WithSummary("Cancel a registration: a seat given up goes to the first guest waiting, who is told by mail in their language");
        agenda.MapPost("/feed", (string token, AgendaService agendas, CancellationToken ct) => agendas.RenewFeedAsync(token, ct))
            .WithSummary("Make the guest's calendar feed, or a new address in place of the old one; the address is answered once, with its QR code");
        agenda.MapDelete("/feed", (string token, AgendaService agendas, CancellationToken ct) => agendas.RevokeFeedAsync(token, ct))
            .WithSummary("Revoke the guest's calendar feed: its address answers 404 from now on");

        var feeds = api.MapGroup("/agenda").WithTags("Guest portal").AllowAnonymous().RequireSummitRateLimit(RateLimitFamily.Public);
        feeds.MapGet("/{id:guid}/{key}/agenda.ics", async (Guid id, string key, AgendaFeedService feedService, CancellationToken ct) =>
                TypedResults.Text(await feedService.CalendarAsync(id, key, ct), "text/calendar", Encoding.UTF8))
            .WithSummary("A guest's agenda as an iCalendar feed (chosen sessions and those they appear in), in the event's zone with its VTIMEZONE")
            .WithDescription("404 programme.feed_not_found for an unknown, renewed, revoked or forged address.");
    }

    public static RouteGroupBuilder MapProgrammeApi(this RouteGroupBuilder api)
    {
        var programme = api.MapGroup("/programme").WithTags("Programme");
        programme.MapGet("/forums", (ForumService forums, CancellationToken ct) => forums.ListAsync(ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("The forums of the current event, the main forum first");
        programme.MapPost("/forums", async (ForumInput input, ForumService forums, CancellationToken ct) =>
            {
                var forum = await forums.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/programme/forums/{forum.Id}", forum);
            })
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Add a forum (titles in English and Chinese, organizing partner, sector)");
        programme.MapPut("/forums/{id:guid}", (Guid id, ForumInput input, ForumService forums, CancellationToken ct) => forums.UpdateAsync(id, input, ct))
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Change a forum (audited field by field)");

        programme.MapGet("/sessions", (Guid? forumId, SessionService sessions, CancellationToken ct) => sessions.ListAsync(forumId, ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("The sessions (of one forum or all), with their people, running order, place and conflicts");
        programme.MapGet("/sessions/{id:guid}", (Guid id, SessionService sessions, CancellationToken ct) => sessions.GetAsync(id, ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("One session with its conflicts now");
        programme.MapPost("/sessions", async (SessionInput input, SessionService sessions, CancellationToken ct) =>
            {
                var session = await sessions.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/programme/sessions/{session.Id}", session);
            })
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Add a session to a forum (not placed yet)");
        programme.MapPut("/sessions/{id:guid}", (Guid id, SessionInput input, SessionService sessions, CancellationToken ct) => sessions.UpdateAsync(id, input, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Change a session's content; refused (409 programme.edit_blocked) when it brings in a conflict whose rule refuses edits");
        programme.MapPut("/sessions/{id:guid}/placement", (Guid id, PlacementInput input, SessionService sessions, CancellationToken ct) =>
                sessions.PlaceAsync(id, input, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Place or move a session: its room is booked (or its booking moved) in the same transaction")
            .WithDescription("Refused with 409 programme.edit_blocked (the conflicts in details.conflicts) when the move brings in a conflict whose " +
                "rule refuses edits, or 409 programme.room_refused (the venue's reasons in details.venueConflicts) when the venue refuses the room.");
        programme.MapDelete("/sessions/{id:guid}/placement", (Guid id, SessionService sessions, CancellationToken ct) => sessions.UnplaceAsync(id, ct))
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Take a session out of the timetable: its booking is cancelled");
        programme.MapPut("/sessions/{id:guid}/items", (Guid id, IReadOnlyList<ItemInput> items, SessionService sessions, CancellationToken ct) =>
                sessions.SetItemsAsync(id, items, ct))
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Replace a session's running order");
        programme.MapPut("/sessions/{id:guid}/participants", (Guid id, IReadOnlyList<ParticipantInput> participants, SessionService sessions,
                CancellationToken ct) => sessions.SetParticipantsAsync(id, participants, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Replace a session's people (roles and protocol order); refused when it brings in a conflict whose rule refuses edits");
        programme.MapGet("/sessions/{id:guid}/registrations", (Guid id, RegistrationService registrations, CancellationToken ct) =>
                registrations.ListAsync(id, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Who is registered for a session, seated and waiting in order (guests' names: the read is audited)");
        programme.MapPost("/sessions/{id:guid}/registrations", (Guid id, RegistrationInput input, RegistrationService registrations, CancellationToken ct) =>
                registrations.RegisterAsync(id, input, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Register a guest of the event for a session that requires registration (a seat, or the waiting list)");
        programme.MapDelete("/sessions/{id:guid}/registrations/{guestId:guid}", (Guid id, Guid guestId, RegistrationService registrations, CancellationToken ct) =>
                registrations.CancelAsync(id, guestId, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Cancel a guest's registration; the first guest waiting gets the seat and is told by mail");
        programme.MapPut("/sessions/{id:guid}/equipment", (Guid id, IReadOnlyList<EquipmentInput> equipment, SessionService sessions, CancellationToken ct) =>
                sessions.SetEquipmentAsync(id, equipment, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Replace the mobile equipment a session needs (venue stock items and counts); a placed session's booking takes it at once")
            .WithDescription("What the stock cannot give at the session's time is the conflict EquipmentMissing (with its severity), or 409 " +
                "programme.edit_blocked when that rule refuses edits.");

        programme.MapGet("/people", (PersonService people, CancellationToken ct) => people.ListAsync(ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("The people of the programme (guests and remote speakers) with their availability");
        programme.MapGet("/people/{id:guid}", (Guid id, PersonService people, CancellationToken ct) => people.GetAsync(id, ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("One person, with a remote speaker's mail address");
        programme.MapGet("/people/guests", (string? q, PersonService people, CancellationToken ct) => people.FindGuestsAsync(q, 20, ct))
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Guests whose name or organisation contains q, to choose speakers from (at most 20)");
        programme.MapPost("/people", async (PersonInput input, PersonService people, CancellationToken ct) =>
            {
                var person = await people.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/programme/people/{person.Id}", person);
            })
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Add a guest of the event (by guestId) or a remote speaker to the programme's people");
        programme.MapPut("/people/{id:guid}", (Guid id, PersonInput input, PersonService people, CancellationToken ct) => people.UpdateAsync(id, input, ct))
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Change a person");
        programme.MapPut("/people/{id:guid}/availability", (Guid id, IReadOnlyList<AvailabilityWindow> windows, PersonService people, CancellationToken ct) =>
                people.SetAvailabilityAsync(id, windows, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Replace a person's availability windows (none: available throughout)");

        programme.MapGet("/timetable", (DateOnly? day, TimetableService timetable, CancellationToken ct) => timetable.DayAsync(day, ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("One day of the timetable: rooms, the sessions placed in them and their conflicts");
        programme.MapGet("/conflicts", (TimetableService timetable, CancellationToken ct) => timetable.ConflictsAsync(ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("Every conflict of the programme with its severity, gravest first");

        programme.MapGet("/settings", (ProgrammeSettingsService settings, CancellationToken ct) => settings.GetAsync(ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("The rules' severities, the changeover in a room, travel times between venues, required languages");
        programme.MapPut("/settings", (ProgrammeSettingsInput input, ProgrammeSettingsService settings, CancellationToken ct) => settings.UpdateAsync(input, ct))
            .RequireAuthorization(Policies.ProgrammeManage).WithSummary("Change the rules' severities, changeover, travel times and required languages");

        programme.MapGet("/releases", (ReleaseService releases, CancellationToken ct) => releases.ListAsync(ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("The released versions of the timetable, the latest first");
        programme.MapGet("/releases/pending", (ReleaseService releases, CancellationToken ct) => releases.PreviewAsync(ct))
            .RequireAuthorization(Policies.ProgrammeView)
            .WithSummary("What releasing the draft now would change (against the latest released version) and the conflicts that stop it");
        programme.MapGet("/releases/{number:int}", (int number, ReleaseService releases, CancellationToken ct) => releases.GetAsync(number, ct))
            .RequireAuthorization(Policies.ProgrammeView).WithSummary("A released version with its changelog against the version before it");
        programme.MapPost("/releases", async (ReleaseInput input, ReleaseService releases, CancellationToken ct) =>
            {
                var release = await releases.ReleaseAsync(input, ct);
                return TypedResults.Created($"/api/v1/programme/releases/{release.Release.Number}", release);
            })
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Release the draft as the next version; everyone its changes concern is told by mail")
            .WithDescription("Refused with 409 programme.release_blocked (the conflicts in details.conflicts) while a conflict whose rule stops the release " +
                "or the edit remains, 409 programme.release_unchanged when nothing changed since the latest version, and 409 " +
                "programme.release_concurrent when another release took the number first.");
        MapPublicProgramme(api);
        MapAgenda(api);
        programme.MapPost("/schedule/proposal", (ScheduleRequest request, SchedulingService scheduling, CancellationToken ct) =>
                scheduling.ProposeAsync(request, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Let the solver (CP-SAT) place the unplaced sessions, and placed ones if allowed; nothing changes until the proposal is accepted")
            .WithDescription("Answers the proposal as a diff (each session from → to), the solver's status and statistics, the draft's fingerprint, and when " +
                "no timetable exists the constraints that clash, in the reader's language. 409 programme.schedule_busy while another solve runs; 503 " +
                "programme.solver_unavailable on a platform without the solver's native library.");
        programme.MapPost("/schedule/acceptance", (AcceptScheduleInput input, SchedulingService scheduling, CancellationToken ct) =>
                scheduling.AcceptAsync(input, ct))
            .RequireAuthorization(Policies.ProgrammeManage)
            .WithSummary("Accept a proposal: its placements are made in one transaction, each room booked through the venues module")
            .WithDescription("Refused with 409 programme.schedule_stale when the draft changed since the proposal (its fingerprint), and as any placement " +
                "is (409 programme.edit_blocked, 409 programme.room_refused).");
        return api;
    }
}
