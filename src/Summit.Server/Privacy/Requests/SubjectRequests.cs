using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>
/// The data subject's requests, carried out by an officer: look the person up, give them a copy of everything Summit holds
/// about them (a page and a JSON file), and erase it. Each step is audited; an erasure names its reason and is refused, with the
/// reasons, while a legal hold stands.
/// </summary>
public sealed class SubjectRequests(SummitDbContext db, SubjectDirectory subjects, ErasureEngine engine, IEventCalendar events, RetentionService retention,
    AuditLog audit, CurrentActor actor, Localizer localizer, TimeProvider clock, ILogger<SubjectRequests> logger)
{
    public const string ExportFormat = "summit-personal-data/1";
    public const int MaxReasonLength = 500;

    public async Task<IReadOnlyList<SubjectMatch>> SearchAsync(string? text, CancellationToken ct = default)
    {
        if (text is null || text.Trim().Length < 2)
        {
            throw new SummitException(SummitError.Of(PrivacyErrors.SearchTooShort, 2));
        }

        var summitEvent = await events.GetCurrentAsync(ct);
        return await subjects.SearchAsync(summitEvent.Id, text.Trim(), 50, ct);
    }

    public async Task<PersonalDataExport> ExportAsync(Guid personId, CancellationToken ct = default)
    {
        var subject = await FindAsync(personId, ct);
        var summitEvent = await events.FindAsync(subject.EventId, ct) ?? throw new SummitException(SummitError.NotFound("event.none"));
        var view = await retention.ForEventAsync(summitEvent, ct);
        var references = await engine.ReferencesAsync([personId], ct);
        var sections = new List<PersonalDataSection>();
        foreach (var holder in engine.Holders)
        {
            sections.Add(await holder.ExportAsync(subject, references, ct));
        }

        await audit.RecordReadAsync(PrivacyAudit.Exported, subject.AuditEntity.Type, subject.AuditEntity.Id);
        var by = await actor.GetAsync();
        return new PersonalDataExport(ExportFormat, clock.GetUtcNow(), by.Name,
            new ExportEvent(summitEvent.Id, summitEvent.Name, summitEvent.NameZh, summitEvent.StartDate, summitEvent.EndDate, view.RetentionDays, view.LastDayKept),
            new ExportSubject(subject.PersonId, subject.DisplayName, subject.Email), sections);
    }

    /// <summary>The export as a JSON file: the machine-readable copy the person may take elsewhere.</summary>
    public async Task<(byte[] Content, string FileName)> ExportJsonAsync(Guid personId, string language, CancellationToken ct = default)
    {
        var export = await ExportAsync(personId, ct);
        return (Encoding.UTF8.GetBytes(ToJson(export, language)),
            string.Create(CultureInfo.InvariantCulture, $"summit-personal-data-{personId:N}.json"));
    }

    public async Task<ErasurePreview> PreviewErasureAsync(Guid personId, string language, CancellationToken ct = default)
    {
        var subject = await FindAsync(personId, ct);
        // Recorded first: the erasure will anonymize this entry too, so the preview counts it.
        await audit.RecordReadAsync(PrivacyAudit.ErasurePreviewed, subject.AuditEntity.Type, subject.AuditEntity.Id);
        var (scope, held) = await engine.PrepareAsync(subject.EventId, [subject], ErasureCause.Request, ct);
        var counts = ErasureEngine.Summarize(await engine.EraseAsync(scope, dryRun: true, ct));
        return new ErasurePreview(subject.PersonId, subject.DisplayName, counts, HoldViews(held, language));
    }

    public async Task<ErasureResult> EraseAsync(Guid personId, ErasureRequest request, string language, CancellationToken ct = default)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            throw new SummitException(SummitError.Of(PrivacyErrors.ErasureReasonRequired, MaxReasonLength));
        }

        if (!request.Confirm)
        {
            throw new SummitException(SummitError.Of(PrivacyErrors.ErasureNotConfirmed));
        }

        var subject = await FindAsync(personId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (scope, held) = await engine.PrepareAsync(subject.EventId, [subject], ErasureCause.Request, ct);
        if (held.Count > 0)
        {
            throw new SummitException(new SummitError(PrivacyErrors.ErasureHeld, [held[0].Holds.Count], StatusCodes.Status409Conflict),
                HoldViews(held, language));
        }

        var counts = ErasureEngine.Summarize(await engine.EraseAsync(scope, dryRun: false, ct));
        var pseudonym = scope.Targets[0].Pseudonym;
        await audit.RecordAsync(PrivacyAudit.Erased, subject.AuditEntity.Type, pseudonym.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["reason"] = (null, reason),
            ["erased"] = (null, Describe(counts)),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        RunAfterCommit(scope.AfterCommit, logger);
        return new ErasureResult(pseudonym, scope.Now, counts);
    }

    /// <summary>Counts as one line for the audit trail: "guests/photo deleted 1; access/scan anonymized 12".</summary>
    public static string Describe(IEnumerable<DataCount> counts) =>
        string.Join("; ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Area}/{c.Kind} {c.Action.ToString().ToLowerInvariant()} {c.Count}")));

    internal static void RunAfterCommit(IEnumerable<Action> actions, ILogger logger)
    {
        foreach (var action in actions)
        {
            try
            {
                action();
            }
            catch (IOException ex)
            {
                // The data is erased in the database; a file that could not go now is caught by the purge's pass over the folder.
                logger.LogWarning(ex, "A file of an erasure could not be deleted");
            }
        }
    }

    internal List<HoldView> HoldViews(IEnumerable<HeldPerson> held, string language) =>
        [.. held.SelectMany(h => h.Holds).Select(h => new HoldView(h.Area, h.Code, localizer.Format(language, "privacy.hold." + h.Code, [.. h.Args])))];

    private async Task<DataSubject> FindAsync(Guid personId, CancellationToken ct) =>
        await subjects.FindAsync(personId, ct) ?? throw new SummitException(SummitError.NotFound(PrivacyErrors.SubjectNotFound, personId));

    /// <summary>
    /// The JSON file: one object per module with its records, each record's fields by name (a field that repeats becomes a list),
    /// times in ISO 8601, photos in base64, notes in the reader's language.
    /// </summary>
    public string ToJson(PersonalDataExport export, string language)
    {
        var sections = new JsonObject();
        foreach (var section in export.Sections)
        {
            var records = new JsonArray();
            foreach (var record in section.Records)
            {
                var fields = new JsonObject();
                foreach (var group in record.Fields.GroupBy(f => f.Name))
                {
                    var values = group.Select(f => Json(f.Value)).ToList();
                    fields[group.Key] = values.Count == 1 ? values[0] : new JsonArray([.. values]);
                }

                records.Add(new JsonObject { ["kind"] = record.Kind, ["fields"] = fields });
            }

            var node = new JsonObject { ["records"] = records };
            if (section.NoteKey is { } note)
            {
                node["note"] = localizer.Get(language, note);
            }

            sections[section.Area] = node;
        }

        var root = new JsonObject
        {
            ["format"] = export.Format,
            ["generatedAt"] = Json(export.GeneratedAt),
            ["generatedBy"] = export.GeneratedBy,
            ["event"] = new JsonObject
            {
                ["id"] = export.Event.Id.ToString(),
                ["name"] = export.Event.Name,
                ["nameZh"] = export.Event.NameZh,
                ["startDate"] = Json(export.Event.StartDate),
                ["endDate"] = Json(export.Event.EndDate),
                ["retentionDays"] = export.Event.RetentionDays,
                ["lastDayKept"] = Json(export.Event.LastDayKept),
            },
            ["subject"] = new JsonObject { ["id"] = export.Subject.Id.ToString(), ["name"] = export.Subject.Name, ["email"] = export.Subject.Email },
            ["sections"] = sections,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonNode? Json(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag,
        int number => number,
        long number => number,
        double number => number,
        DateTimeOffset time => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
