using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Incidents;

/// <summary>
/// Every use case of an incident: raise (by staff or a module), move along its lifecycle, assign, comment, attach photos,
/// escalate breached SLAs. Each change writes a timeline line and an audit entry in the same unit of work.
/// </summary>
public sealed class IncidentService(SummitDbContext db, IEventCalendar events, IZoneDirectory zones, AuditLog audit, CurrentActor currentActor,
    TimeProvider clock, IOptions<IncidentOptions> options, IncidentSlaSettingsService slaSettings, IncidentNotifier notifier, FieldProtector protector,
    Localizer localizer)
{
    public const int MaxPhotos = 10;
    private const string EntityType = "incident";

    public async Task<List<IncidentSummary>> ListAsync(IncidentFilter filter, CancellationToken ct = default)
    {
        var eventId = (await CurrentEventAsync(ct)).Id;
        var query = db.Set<Incident>().AsNoTracking().Where(i => i.EventId == eventId);
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        else if (filter.ActiveOnly)
        {
            query = query.Where(i => i.Status != IncidentStatus.Resolved && i.Status != IncidentStatus.Closed);
        }

        if (filter.Severity is { } severity)
        {
            query = query.Where(i => i.Severity == severity);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(i => i.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Team))
        {
            query = query.Where(i => i.AssignedTeam == filter.Team);
        }

        var found = await query.OrderByDescending(i => i.Number).Take(500).ToListAsync(ct);
        var places = await PlacesAsync(ct);
        var now = clock.GetUtcNow();
        var mayReadHealth = MayReadHealth((await WhoAsync(ct)).Roles);
        return [.. found.OrderBy(i => i.IsDone).ThenByDescending(i => i.Severity).ThenByDescending(i => i.Number)
            .Select(i => Summary(i, places, now, withheld: HoldsHealthDetails(i) && !mayReadHealth))];
    }

    public async Task<IncidentDetail> GetAsync(string number, CancellationToken ct = default)
    {
        var incident = await LoadAsync(number, tracked: false, ct);
        return await DetailAsync(incident, ct);
    }

    /// <summary>A problem raised by a person: routed to the team of its type, which is told at once.</summary>
    /// <param name="photo">An optional photo, held to the guest photo rules: a bad one refuses the whole report.</param>
    public async Task<IncidentDetail> CreateAsync(IncidentInput input, byte[]? photo = null, CancellationToken ct = default)
    {
        var checks = new FieldChecks(localizer);
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            checks.Add("type", "incidents.field.type", IncidentErrors.TypeUnknown);
        }

        if (input.Severity is not { } severity || !Enum.IsDefined(severity))
        {
            checks.Add("severity", "incidents.field.severity", IncidentErrors.SeverityUnknown);
        }

        var description = checks.Required("description", "incidents.field.description", input.Description, IncidentLimits.Description);
        var title = input.Title?.Trim() ?? "";
        if (title.Length > IncidentLimits.Title)
        {
            checks.Add("title", "incidents.field.title", ErrorCodes.FieldTooLong, IncidentLimits.Title);
        }

        var placeText = string.IsNullOrWhiteSpace(input.PlaceText) ? null : input.PlaceText.Trim();
        if (placeText?.Length > IncidentLimits.PlaceText)
        {
            checks.Add("placeText", "incidents.field.place", ErrorCodes.FieldTooLong, IncidentLimits.PlaceText);
        }

        var places = await PlacesAsync(ct);
        if (input.ZoneId is { } zoneId && !places.Zones.ContainsKey(zoneId))
        {
            checks.Add("zoneId", "incidents.field.zone", ErrorCodes.ZoneUnknown, zoneId);
        }

        if (input.GateId is { } gateId && !places.Gates.ContainsKey(gateId))
        {
            checks.Add("gateId", "incidents.field.gate", ErrorCodes.GateUnknown, gateId);
        }

        if (input.ZoneId is null && input.GateId is null && placeText is null)
        {
            checks.Add("place", "incidents.field.place", IncidentErrors.PlaceRequired);
        }

        checks.ThrowIfAny();
        if (title.Length == 0)
        {
            var firstLine = description.Split('\n')[0].Trim();
            title = firstLine.Length <= 80 ? firstLine : firstLine[..79] + "…";
        }

        // A gate lies in one zone: a report at a gate is also in its zone.
        var zone = input.ZoneId ?? (input.GateId is { } g ? places.Gates[g].ZoneId : null);
        var actor = await currentActor.GetAsync();
        var summitEvent = await CurrentEventAsync(ct);
        var incident = NewIncident(summitEvent.Id, input.Type!.Value, input.Severity!.Value, title, null, description,
            new IncidentPlace(zone, input.GateId, placeText), actor.Id, actor.Name, await slaSettings.TargetsForAsync(summitEvent.Id, ct));
        var processed = photo is null ? null : PhotoProcessor.Process(photo);
        await SaveNewAsync(incident, cause: null, evidence: null, ct);
        if (processed is not null)
        {
            await AppendAsync(incident, now => StorePhotoAsync(incident, processed, actor, now), ct);
        }

        return await DetailAsync(incident, ct);
    }

    /// <summary>
    /// A problem a module found: opens an incident, or adds the evidence to the unresolved one of the same cause and place
    /// without telling anyone again. Writes through the caller's unit of work and transaction, when it has one.
    /// </summary>
    public async Task<Guid> ReportAutomaticAsync(AutomaticIncidentReport report, CancellationToken ct = default)
    {
        var cause = report.Cause?.Trim() ?? "";
        if (cause.Length is 0 or > 64 || !Enum.IsDefined(report.Type) || !Enum.IsDefined(report.Severity))
        {
            throw new ArgumentException($"An automatic incident needs a cause of 1 to 64 characters and a known type and severity (cause \"{cause}\").", nameof(report));
        }

        if (report.Place.ZoneId is null && report.Place.GateId is null && string.IsNullOrWhiteSpace(report.Place.Text))
        {
            throw new SummitException(SummitError.Of(IncidentErrors.PlaceRequired));
        }

        var summitEvent = await CurrentEventAsync(ct);
        var key = OpenKeyOf(cause, report.Place);
        var open = db.ChangeTracker.Entries<Incident>().Select(e => e.Entity).FirstOrDefault(i => i.EventId == summitEvent.Id && i.OpenKey == key)
            ?? await db.Set<Incident>().Include(i => i.Evidence).FirstOrDefaultAsync(i => i.EventId == summitEvent.Id && i.OpenKey == key, ct);
        var evidence = new IncidentEvidenceLink
        {
            Kind = Clip(report.Evidence.Kind, 32),
            Reference = Clip(report.Evidence.Reference, 100),
            SummaryEn = Clip(report.Evidence.SummaryEn, 500),
            SummaryZh = Clip(report.Evidence.SummaryZh, 500),
            AddedAt = clock.GetUtcNow(),
        };
        if (open is not null)
        {
            if (open.Evidence.Any(e => e.Kind == evidence.Kind && e.Reference == evidence.Reference))
            {
                return open.Id;
            }

            var now = clock.GetUtcNow();
            evidence.IncidentId = open.Id;
            db.Add(evidence);
            open.Evidence.Add(evidence);
            open.ReportCount++;
            Touch(open, now);
            AddTimeline(open, TimelineKind.Reported, "system:" + ModuleOf(cause), evidence.SummaryEn, now);
            await audit.RecordAsync(IncidentAuditActions.ReportedAgain, EntityType, open.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["evidence"] = (null, $"{evidence.Kind}:{evidence.Reference}"),
                ["reports"] = (open.ReportCount - 1, open.ReportCount),
            });
            await db.SaveChangesAsync(ct);
            notifier.Publish(open);
            return open.Id;
        }

        var incident = NewIncident(summitEvent.Id, report.Type, report.Severity, "", null, report.Evidence.SummaryEn, report.Place, null,
            "system:" + ModuleOf(cause), await slaSettings.TargetsForAsync(summitEvent.Id, ct));
        IncidentTitles.Apply(incident, report.Title, localizer);
        incident.Cause = cause;
        incident.OpenKey = key;
        await SaveNewAsync(incident, cause, evidence, ct);
        return incident.Id;
    }

    public async Task<IncidentDetail> TransitionAsync(string number, TransitionRequest request, CancellationToken ct = default)
    {
        var incident = await LoadAsync(number, tracked: true, ct);
        var (actor, roles) = await WhoAsync(ct);
        EnsureMayAct(incident, actor, roles);
        var to = request.To;
        var from = incident.Status;
        if (!Enum.IsDefined(to) || !IncidentLifecycle.Allows(from, to))
        {
            throw new SummitException(SummitError.Conflict(IncidentErrors.TransitionIllegal, from, Enum.IsDefined(to) ? to : from));
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is null && IncidentLifecycle.NeedsNote(from, to))
        {
            throw new SummitException(SummitError.Of(IncidentErrors.ReasonRequired, to));
        }

        if (note?.Length > IncidentLimits.Note)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.FieldTooLong, localizer["incidents.field.note"], IncidentLimits.Note));
        }

        await MoveAsync(incident, to, note, actor, clock.GetUtcNow(), ct);
        await SaveAsync(incident, ct);
        return await DetailAsync(incident, ct);
    }

    /// <summary>
    /// A module settled the cause of its automatic incident (a fever hold cleared or confirmed): moves it to <paramref name="settlement"/>
    /// with the note, in the name of the current actor (the officer who decided, already authorized by that module) and in the caller's
    /// unit of work. An incident someone already moved past that point keeps its status and gets the note as a comment.
    /// </summary>
    public async Task SettleAutomaticAsync(Guid incidentId, IncidentSettlement settlement, string note, CancellationToken ct = default)
    {
        var incident = await db.Set<Incident>().Include(i => i.Periods).FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return;
        }

        var actor = await currentActor.GetAsync();
        var to = settlement == IncidentSettlement.Resolved ? IncidentStatus.Resolved : IncidentStatus.InProgress;
        var text = Clip(note.Trim(), IncidentLimits.Note);
        var now = clock.GetUtcNow();
        if (IncidentLifecycle.Allows(incident.Status, to))
        {
            await MoveAsync(incident, to, text, actor, now, ct);
        }
        else
        {
            Touch(incident, now);
            AddTimeline(incident, TimelineKind.Commented, actor.Name, text, now);
            await audit.RecordAsync(IncidentAuditActions.Commented, EntityType, incident.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["comment"] = (null, text),
            });
        }

        await SaveAsync(incident, ct);
    }

    /// <summary>Moves an incident to a status the lifecycle allows from its own, with its timeline line and audit entry (not saved).</summary>
    private async Task MoveAsync(Incident incident, IncidentStatus to, string? note, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var from = incident.Status;
        var period = CurrentPeriod(incident);
        TimelineKind kind;
        switch (to)
        {
            case IncidentStatus.Acknowledged:
                incident.AcknowledgedAt = now;
                period.AcknowledgedAt ??= now;
                kind = TimelineKind.Acknowledged;
                break;
            case IncidentStatus.InProgress:
                incident.AcknowledgedAt ??= now;
                period.AcknowledgedAt ??= now;
                incident.StartedAt = now;
                kind = TimelineKind.Started;
                break;
            case IncidentStatus.Resolved:
                incident.AcknowledgedAt ??= now;
                period.AcknowledgedAt ??= now;
                incident.ResolvedAt = now;
                period.ResolvedAt = now;
                incident.Resolution = note;
                // A new report of the same cause and place now opens a new incident.
                incident.OpenKey = null;
                kind = TimelineKind.Resolved;
                break;
            case IncidentStatus.Closed:
                incident.ClosedAt = now;
                incident.OpenKey = null;
                kind = TimelineKind.Closed;
                break;
            default:
                await ReopenAsync(incident, now, ct);
                kind = TimelineKind.Reopened;
                break;
        }

        incident.Status = to;
        Touch(incident, now);
        AddTimeline(incident, kind, actor.Name, note, now);
        await audit.RecordAsync(IncidentAuditActions.StatusChanged, EntityType, incident.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["status"] = (from, to),
            ["note"] = (null, note),
        });
        if (to == IncidentStatus.Open)
        {
            notifier.Notify(incident, NotificationKind.Raised, await TeamOfAsync(incident, ct), actor.Id);
        }
    }

    public async Task<IncidentDetail> AssignAsync(string number, AssignRequest request, CancellationToken ct = default)
    {
        var incident = await LoadAsync(number, tracked: true, ct);
        var team = string.IsNullOrWhiteSpace(request.Team) ? null : request.Team.Trim();
        var userId = string.IsNullOrWhiteSpace(request.UserId) ? null : request.UserId.Trim();
        if (team is null && userId is null)
        {
            throw new SummitException(SummitError.Of(IncidentErrors.AssignmentEmpty));
        }

        if (team is not null && !IncidentTeams.All.Contains(team))
        {
            throw new SummitException(SummitError.Of(IncidentErrors.TeamUnknown, team, string.Join(", ", IncidentTeams.All)));
        }

        AssigneeView? person = null;
        if (userId is not null)
        {
            person = (await AssigneesAsync(ct)).FirstOrDefault(a => a.Id == userId)
                ?? throw new SummitException(SummitError.Of(IncidentErrors.AssigneeUnknown, userId));
        }

        var actor = await currentActor.GetAsync();
        var before = (incident.AssignedTeam, incident.AssignedUserName);
        incident.AssignedTeam = team ?? incident.AssignedTeam;
        incident.AssignedUserId = person?.Id;
        incident.AssignedUserName = person?.Name;
        var now = clock.GetUtcNow();
        Touch(incident, now);
        var label = string.Join(" · ", new[] { incident.AssignedTeam, incident.AssignedUserName }.Where(s => s is not null));
        AddTimeline(incident, TimelineKind.Assigned, actor.Name, label, now);
        await audit.RecordAsync(IncidentAuditActions.Assigned, EntityType, incident.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["team"] = (before.AssignedTeam, incident.AssignedTeam),
            ["person"] = (before.AssignedUserName, incident.AssignedUserName),
        });
        var recipients = person is not null && await notifier.FindUserAsync(person.Id, ct) is { } user ? [user] : await TeamOfAsync(incident, ct);
        notifier.Notify(incident, NotificationKind.Assigned, recipients, actor.Id);
        await SaveAsync(incident, ct);
        return await DetailAsync(incident, ct);
    }

    public async Task<IncidentDetail> CommentAsync(string number, CommentRequest request, CancellationToken ct = default)
    {
        var incident = await LoadAsync(number, tracked: false, ct);
        var (actor, roles) = await WhoAsync(ct);
        EnsureMayAct(incident, actor, roles);
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.FieldRequired, localizer["incidents.field.comment"]));
        }

        if (text.Length > IncidentLimits.Note)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.FieldTooLong, localizer["incidents.field.comment"], IncidentLimits.Note));
        }

        await AppendAsync(incident, async now =>
        {
            AddTimeline(incident, TimelineKind.Commented, actor.Name, text, now);
            await audit.RecordAsync(IncidentAuditActions.Commented, EntityType, incident.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["comment"] = (null, text),
            });
        }, ct);
        return await DetailAsync(incident, ct);
    }

    /// <summary>Adds a photo with the guest photo rules: size limit, a real JPEG or PNG, re-encoded without metadata, encrypted.</summary>
    public async Task<AttachmentView> AddPhotoAsync(string number, byte[] upload, CancellationToken ct = default)
    {
        var incident = await LoadAsync(number, tracked: false, ct);
        var (actor, roles) = await WhoAsync(ct);
        EnsureMayAct(incident, actor, roles);
        await EnsureRoomForPhotoAsync(incident, ct);
        // Decoded before the incident is locked: the seconds a large photo may take hold up no one else's photo or comment.
        var processed = PhotoProcessor.Process(upload);
        IncidentAttachment? stored = null;
        await AppendAsync(incident, async now =>
        {
            // Counted again under the incident's lock, so that photos sent at once cannot pass the limit together.
            await EnsureRoomForPhotoAsync(incident, ct);
            stored = await StorePhotoAsync(incident, processed, actor, now);
        }, ct);
        return new AttachmentView(stored!.Id, stored.Width, stored.Height, stored.UploadedAt, stored.UploadedBy);
    }

    /// <summary>A photo as JPEG; every view is in the audit log. Photos of a health incident are for the roles that read its health details.</summary>
    public async Task<byte[]> GetPhotoAsync(string number, Guid attachmentId, CancellationToken ct = default)
    {
        var incident = await LoadAsync(number, tracked: false, ct);
        if (HoldsHealthDetails(incident) && !MayReadHealth((await WhoAsync(ct)).Roles))
        {
            throw new SummitException(new SummitError(IncidentErrors.HealthDetailsRestricted, [incident.DisplayNumber], StatusCodes.Status403Forbidden));
        }

        var attachment = await db.Set<IncidentAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.IncidentId == incident.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(IncidentErrors.AttachmentNotFound, attachmentId));
        await audit.RecordAsync(IncidentAuditActions.PhotoViewed, EntityType, incident.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["photo"] = (null, attachment.Id),
        });
        await db.SaveChangesAsync(ct);
        return protector.Unprotect(attachment.EncryptedJpeg);
    }

    /// <summary>People an incident may be given to: those holding a role that works on incidents.</summary>
    public async Task<List<AssigneeView>> AssigneesAsync(CancellationToken ct = default)
    {
        var workRoles = Policies.RolesFor[Policies.IncidentsAct].Select(r => r.ToUpperInvariant()).ToList();
        var rows = await (from userRole in db.UserRoles
                          join role in db.Roles on userRole.RoleId equals role.Id
                          join user in db.Users on userRole.UserId equals user.Id
                          where workRoles.Contains(role.NormalizedName!)
                          select new { user.Id, user.DisplayName, user.Email, role.Name }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Id).Select(g => new AssigneeView(g.Key,
                string.IsNullOrWhiteSpace(g.First().DisplayName) ? g.First().Email ?? g.Key : g.First().DisplayName,
                [.. g.Select(r => r.Name!).Order(StringComparer.Ordinal)]))
            .OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Escalates every SLA breach not escalated yet, once each: a timeline line, the flag, and a bell entry and mail for
    /// the supervisors. Returns how many breaches were escalated.
    /// </summary>
    public async Task<int> EscalateBreachesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Incident>()
            .Where(i => i.Status != IncidentStatus.Resolved && i.Status != IncidentStatus.Closed)
            .Where(i => (i.Status == IncidentStatus.Open && i.AcknowledgeEscalatedAt == null && i.AcknowledgeDueAt <= now)
                || (i.ResolveEscalatedAt == null && i.ResolveDueAt <= now))
            .OrderBy(i => i.Number).Take(100).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var supervisors = await notifier.UsersInRolesAsync([options.Value.SupervisorRole], ct);
        var escalated = 0;
        foreach (var incident in due)
        {
            var breaches = new List<TimelineKind>();
            if (incident.Status == IncidentStatus.Open && incident.AcknowledgeEscalatedAt is null && incident.AcknowledgeDueAt <= now)
            {
                incident.AcknowledgeEscalatedAt = now;
                breaches.Add(TimelineKind.AcknowledgeBreached);
            }

            if (incident.ResolveEscalatedAt is null && incident.ResolveDueAt <= now)
            {
                incident.ResolveEscalatedAt = now;
                breaches.Add(TimelineKind.ResolveBreached);
            }

            Touch(incident, now);
            foreach (var breach in breaches)
            {
                AddTimeline(incident, breach, "system:sla", options.Value.SupervisorRole, now);
            }

            await audit.RecordAsync(IncidentAuditActions.Escalated, EntityType, incident.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["breach"] = (null, string.Join(",", breaches)),
                ["supervisor"] = (null, options.Value.SupervisorRole),
            });
            notifier.Notify(incident, NotificationKind.Escalated, supervisors, null);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone acted on it (or another server escalated it) meanwhile: the next round looks again.
                db.ChangeTracker.Clear();
                break;
            }

            notifier.Publish(incident);
            escalated += breaches.Count;
        }

        return escalated;
    }

    public static int ParseNumber(string number)
    {
        var digits = number.Trim();
        if (digits.StartsWith("INC-", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[4..];
        }

        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new SummitException(SummitError.NotFound(IncidentErrors.NotFound, number));
    }

    public static string OpenKeyOf(string cause, IncidentPlace place) => $"{cause}|{place.Key}";

    private Incident NewIncident(Guid eventId, IncidentType type, IncidentSeverity severity, string title, string? titleZh, string description,
        IncidentPlace place, string? reporterId, string reporterName, SlaSettingsInput targets)
    {
        var now = clock.GetUtcNow();
        var sla = targets.For(severity);
        var incident = new Incident
        {
            EventId = eventId,
            Type = type,
            Severity = severity,
            Status = IncidentStatus.Open,
            Title = title,
            TitleZh = titleZh,
            Description = Clip(description, IncidentLimits.Description),
            ZoneId = place.ZoneId,
            GateId = place.GateId,
            PlaceText = place.Text is { } text ? Clip(text.Trim(), IncidentLimits.PlaceText) : null,
            ReporterId = reporterId,
            ReporterName = reporterName,
            AssignedTeam = IncidentTeams.DefaultFor(type),
            CreatedAt = now,
            UpdatedAt = now,
            AcknowledgeDueAt = now.AddMinutes(sla.AcknowledgeMinutes),
            ResolveDueAt = now.AddMinutes(sla.ResolveMinutes),
        };
        incident.Periods.Add(new IncidentPeriod
        {
            IncidentId = incident.Id,
            StartedAt = now,
            AcknowledgeDueAt = incident.AcknowledgeDueAt,
            ResolveDueAt = incident.ResolveDueAt,
        });
        return incident;
    }

    /// <summary>The period the incident is in: its last (every incident has its first from when it was raised).</summary>
    private static IncidentPeriod CurrentPeriod(Incident incident) =>
        incident.Periods.MaxBy(p => p.Number) ?? throw new InvalidOperationException($"{incident.DisplayNumber} has no period.");

    /// <summary>Numbers, stores and announces a new incident, inside the caller's transaction or one of its own.</summary>
    private async Task SaveNewAsync(Incident incident, string? cause, IncidentEvidenceLink? evidence, CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            incident.Number = await NextNumberAsync(incident.EventId, ct);
            db.Add(incident);
            AddTimeline(incident, TimelineKind.Raised, incident.ReporterName, null, incident.CreatedAt);
            if (evidence is not null)
            {
                evidence.IncidentId = incident.Id;
                db.Add(evidence);
                incident.Evidence.Add(evidence);
            }

            await audit.RecordAsync(IncidentAuditActions.Created, EntityType, incident.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["number"] = (null, incident.DisplayNumber),
                ["type"] = (null, incident.Type),
                ["severity"] = (null, incident.Severity),
                ["team"] = (null, incident.AssignedTeam),
                ["cause"] = (null, cause),
            });
            notifier.Notify(incident, NotificationKind.Raised, await TeamOfAsync(incident, ct), incident.ReporterId);
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        notifier.Publish(incident);
    }

    /// <summary>The next number of the event, under the sequence row's lock (held until the transaction ends).</summary>
    private async Task<int> NextNumberAsync(Guid eventId, CancellationToken ct)
    {
        var sequences = db.Set<IncidentSequence>();
        var updated = await sequences.Where(s => s.EventId == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber + 1), ct);
        if (updated == 0)
        {
            // The event's first incident: the row is created with it (two first incidents at once: one fails and is retried by its caller).
            sequences.Add(new IncidentSequence { EventId = eventId, LastNumber = 1 });
            return 1;
        }

        return await sequences.AsNoTracking().Where(s => s.EventId == eventId).Select(s => s.LastNumber).SingleAsync(ct);
    }

    private async Task ReopenAsync(Incident incident, DateTimeOffset now, CancellationToken ct)
    {
        var sla = (await slaSettings.TargetsForAsync(incident.EventId, ct)).For(incident.Severity);
        incident.ReopenedAt = now;
        incident.ReopenCount++;
        incident.AcknowledgedAt = null;
        incident.StartedAt = null;
        incident.ResolvedAt = null;
        incident.ClosedAt = null;
        // The clock starts again: a reopened incident is a new breach to watch, escalated once more if it happens.
        incident.AcknowledgeDueAt = now.AddMinutes(sla.AcknowledgeMinutes);
        incident.ResolveDueAt = now.AddMinutes(sla.ResolveMinutes);
        incident.AcknowledgeEscalatedAt = null;
        incident.ResolveEscalatedAt = null;
        // The periods before stay as they were: the first acknowledgement and the earlier resolutions are history, not reset.
        var period = new IncidentPeriod
        {
            IncidentId = incident.Id,
            Number = incident.ReopenCount,
            StartedAt = now,
            AcknowledgeDueAt = incident.AcknowledgeDueAt,
            ResolveDueAt = incident.ResolveDueAt,
        };
        incident.Periods.Add(period);
        db.Add(period);
        if (incident.Cause is { } cause)
        {
            // It takes its cause and place back unless a newer incident of the same kind is open there meanwhile.
            var key = OpenKeyOf(cause, new IncidentPlace(incident.ZoneId, incident.GateId, incident.PlaceText));
            var taken = await db.Set<Incident>().AnyAsync(i => i.EventId == incident.EventId && i.OpenKey == key && i.Id != incident.Id, ct);
            incident.OpenKey = taken ? null : key;
        }
    }

    private async Task<IncidentAttachment> StorePhotoAsync(Incident incident, ProcessedPhoto photo, Actor actor, DateTimeOffset now)
    {
        var attachment = new IncidentAttachment
        {
            IncidentId = incident.Id,
            EncryptedJpeg = protector.Protect(photo.Jpeg),
            Width = photo.Width,
            Height = photo.Height,
            UploadedAt = now,
            UploadedBy = actor.Name,
        };
        db.Add(attachment);
        AddTimeline(incident, TimelineKind.PhotoAdded, actor.Name, null, now);
        await audit.RecordAsync(IncidentAuditActions.PhotoUploaded, EntityType, incident.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["photo"] = (null, attachment.Id),
            ["size"] = (null, $"{photo.Width}x{photo.Height}"),
        });
        return attachment;
    }

    private async Task EnsureRoomForPhotoAsync(Incident incident, CancellationToken ct)
    {
        if (await db.Set<IncidentAttachment>().CountAsync(a => a.IncidentId == incident.Id, ct) >= MaxPhotos)
        {
            throw new SummitException(SummitError.Of(IncidentErrors.AttachmentLimit, MaxPhotos));
        }
    }

    /// <summary>
    /// Adds to an incident without changing it: a comment, a photo. An addition takes the incident's row for its transaction (to
    /// set the time of the last change) but neither checks nor changes its version, so additions never conflict with each other
    /// or with a change of status made meanwhile; they only queue for the row, which keeps the photo limit whole.
    /// </summary>
    private async Task AppendAsync(Incident incident, Func<DateTimeOffset, Task> append, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Set<Incident>().Where(i => i.Id == incident.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, now), ct);
            await append(now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        incident.UpdatedAt = now;
        notifier.Publish(incident);
    }

    private async Task SaveAsync(Incident incident, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new SummitException(SummitError.Conflict(ErrorCodes.ConcurrentChange));
        }

        notifier.Publish(incident);
    }

    private async Task<List<SummitUserRef>> TeamOfAsync(Incident incident, CancellationToken ct)
    {
        var team = incident.AssignedTeam is { } role ? await notifier.UsersInRolesAsync([role], ct) : [];
        if (incident.AssignedUserId is { } userId && await notifier.FindUserAsync(userId, ct) is { } person)
        {
            team.Add(person);
        }

        return team;
    }

    private async Task<(Actor Actor, HashSet<string> Roles)> WhoAsync(CancellationToken ct)
    {
        var actor = await currentActor.GetAsync();
        if (actor.Id is null)
        {
            return (actor, []);
        }

        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == actor.Id
                           select role.Name!).ToListAsync(ct);
        return (actor, [.. roles]);
    }

    private static bool MayAct(Incident incident, Actor actor, HashSet<string> roles) =>
        IncidentTeams.Supervising.Any(roles.Contains)
        || (actor.Id is not null && incident.AssignedUserId == actor.Id)
        || (incident.AssignedTeam is { } team && roles.Contains(team));

    private static void EnsureMayAct(Incident incident, Actor actor, HashSet<string> roles)
    {
        if (!MayAct(incident, actor, roles))
        {
            throw new SummitException(new SummitError(IncidentErrors.NotYours, [incident.DisplayNumber, incident.AssignedTeam ?? "-"], StatusCodes.Status403Forbidden));
        }
    }

    private async Task<Incident> LoadAsync(string number, bool tracked, CancellationToken ct)
    {
        var value = ParseNumber(number);
        var eventId = (await CurrentEventAsync(ct)).Id;
        var query = db.Set<Incident>().Include(i => i.Evidence).Include(i => i.Timeline).Include(i => i.Periods).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(i => i.EventId == eventId && i.Number == value, ct)
            ?? throw new SummitException(SummitError.NotFound(IncidentErrors.NotFound, number));
    }

    private async Task<EventFacts> CurrentEventAsync(CancellationToken ct) =>
        await events.FindCurrentAsync(ct) ?? throw new SummitException(SummitError.Conflict(IncidentErrors.EventMissing));

    /// <summary>
    /// The incident as the signed-in reader may see it. A health incident's details (its title and description as written, the
    /// evidence, the words of its timeline, the resolution, the photos) go only to the roles that handle health, and each such read
    /// is audited; everyone else sees that it exists, where, how urgent and how far along.
    /// </summary>
    private async Task<IncidentDetail> DetailAsync(Incident incident, CancellationToken ct)
    {
        var places = await PlacesAsync(ct);
        var (actor, roles) = await WhoAsync(ct);
        var withheld = HoldsHealthDetails(incident) && !MayReadHealth(roles);
        if (HoldsHealthDetails(incident) && !withheld)
        {
            await audit.RecordReadAsync(IncidentAuditActions.HealthDetailsViewed, EntityType, incident.Id.ToString());
        }

        var photos = withheld ? [] : await db.Set<IncidentAttachment>().AsNoTracking().Where(a => a.IncidentId == incident.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentView(a.Id, a.Width, a.Height, a.UploadedAt, a.UploadedBy)).ToListAsync(ct);
        var canAct = MayAct(incident, actor, roles);
        return new IncidentDetail(Summary(incident, places, clock.GetUtcNow(), withheld), withheld ? "" : incident.Description, incident.Cause,
            incident.ReporterName, incident.AcknowledgedAt, incident.StartedAt, incident.ResolvedAt, incident.ClosedAt, incident.ReopenedAt,
            withheld ? null : incident.Resolution, incident.AcknowledgeDueAt, incident.ResolveDueAt, incident.AcknowledgeEscalatedAt, incident.ResolveEscalatedAt,
            [.. incident.Evidence.OrderBy(e => e.AddedAt).Select(e => withheld
                ? new EvidenceView(e.Kind, e.Reference, "", "", e.AddedAt, EvidenceLinks.PageFor(e.Kind))
                : new EvidenceView(e.Kind, e.Reference, e.SummaryEn, e.SummaryZh, e.AddedAt, EvidenceLinks.PageFor(e.Kind)))],
            [.. incident.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineView(t.At, t.Kind, t.ActorName,
                withheld && !SaysNothingPersonal(t.Kind) ? null : t.Text))],
            photos,
            canAct ? IncidentLifecycle.Next(incident.Status) : [],
            canAct,
            Policies.RolesFor[Policies.IncidentsAssign].Any(roles.Contains),
            withheld);
    }

    private IncidentSummary Summary(Incident i, Places places, DateTimeOffset now, bool withheld)
    {
        SlaClock? sla = i.Status switch
        {
            IncidentStatus.Open => new SlaClock("acknowledge", i.AcknowledgeDueAt, now >= i.AcknowledgeDueAt),
            IncidentStatus.Acknowledged or IncidentStatus.InProgress => new SlaClock("resolve", i.ResolveDueAt, now >= i.ResolveDueAt),
            _ => null,
        };
        // A withheld title says only what kind of incident it is: a title written by staff may name the person concerned.
        var (title, titleZh) = withheld
            ? (localizer.Get(Localizer.English, HealthTitleKey), localizer.Get(Localizer.Chinese, HealthTitleKey))
            : (IncidentTitles.In(i, Localizer.English, localizer), i.TitleKey is null ? i.TitleZh : IncidentTitles.In(i, Localizer.Chinese, localizer));
        return new IncidentSummary(i.Id, i.DisplayNumber, i.Type, i.Severity, i.Status, title, titleZh, places.Describe(i.ZoneId, i.GateId, i.PlaceText),
            i.AssignedTeam, i.AssignedUserName, i.CreatedAt, sla, i.AcknowledgeEscalatedAt is not null || i.ResolveEscalatedAt is not null,
            i.Cause is not null, i.ReportCount);
    }

    /// <summary>Health incidents hold health details: temperatures, the person concerned, photos of them.</summary>
    internal static bool HoldsHealthDetails(Incident incident) => incident.Type == IncidentType.Health;

    internal static bool MayReadHealth(IReadOnlySet<string> roles) => Policies.RolesFor[Policies.IncidentsHealthDetails].Any(roles.Contains);

    /// <summary>The catalog key of the title a reader without health rights sees for a health incident.</summary>
    internal const string HealthTitleKey = "incidents.health.title";

    /// <summary>Timeline lines whose words are a team or role, never what someone wrote about the person.</summary>
    private static bool SaysNothingPersonal(TimelineKind kind) => kind is TimelineKind.Assigned or TimelineKind.AcknowledgeBreached or TimelineKind.ResolveBreached;

    private async Task<Places> PlacesAsync(CancellationToken ct) =>
        new((await zones.ListZonesAsync(ct)).ToDictionary(z => z.Id), (await zones.ListGatesAsync(ct)).ToDictionary(g => g.Id));

    private static void Touch(Incident incident, DateTimeOffset now)
    {
        incident.UpdatedAt = now;
        incident.Version = Guid.NewGuid();
    }

    private void AddTimeline(Incident incident, TimelineKind kind, string actorName, string? text, DateTimeOffset at)
    {
        var entry = new IncidentTimelineEntry { IncidentId = incident.Id, At = at, Kind = kind, ActorName = Clip(actorName, 256), Text = text };
        incident.Timeline.Add(entry);
        db.Add(entry);
    }

    private static string ModuleOf(string cause) => cause.Split('.')[0];

    private static string Clip(string? value, int max) => value is null ? "" : value.Length <= max ? value : value[..max];

    /// <summary>The event's zones and gates, to say where an incident is in both languages.</summary>
    private sealed record Places(Dictionary<Guid, ZoneView> Zones, Dictionary<Guid, GateView> Gates)
    {
        public IncidentPlaceView Describe(Guid? zoneId, Guid? gateId, string? text)
        {
            var parts = new List<(string En, string Zh)>();
            if (gateId is { } g && Gates.TryGetValue(g, out var gate))
            {
                parts.Add(($"{gate.Code} {gate.NameEn}", $"{gate.Code} {gate.NameZh}"));
            }
            else if (zoneId is { } z && Zones.TryGetValue(z, out var zone))
            {
                parts.Add(($"{zone.Code} {zone.NameEn}", $"{zone.Code} {zone.NameZh}"));
            }

            if (!string.IsNullOrEmpty(text))
            {
                parts.Add((text, text));
            }

            return new IncidentPlaceView(zoneId, gateId, text, string.Join(" · ", parts.Select(p => p.En)), string.Join(" · ", parts.Select(p => p.Zh)));
        }
    }
}
