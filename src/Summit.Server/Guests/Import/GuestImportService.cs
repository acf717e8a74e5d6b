using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Guests.Import;

/// <summary>
/// Bulk import of guests from CSV or XLSX: a dry run lists every problem of every row; a commit writes
/// all rows in one transaction or none at all.
/// </summary>
public sealed class GuestImportService(
    SummitDbContext db,
    IEventCalendar events,
    GuestService guests,
    AuditLog audit,
    FieldProtector protector,
    Localizer localizer,
    TimeProvider clock)
{
    /// <summary>A file of 200,000 bad rows has millions of problems: they are all counted, the first ones listed.</summary>
    public const int MaxListedProblems = 1000;

    public async Task<ImportPreview> ImportAsync(Stream file, string fileName, bool commit, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var rows = GuestFileFormat.Read(file, fileName);
        if (rows.Count == 0)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportEmpty));
        }

        var summitEvent = await events.GetCurrentAsync(ct);
        var reference = await guests.LoadReferenceDataAsync(summitEvent.Id, ct);
        var existingEmails = (await db.Guests.Where(g => g.EventId == summitEvent.Id).Select(g => g.EmailNormalized).ToListAsync(ct)).ToHashSet();
        var existingPassports = (await db.Guests.Where(g => g.EventId == summitEvent.Id && g.PassportHash != null).Select(g => g.PassportHash!).ToListAsync(ct)).ToHashSet();
        var emailsInFile = new Dictionary<string, int>();
        var passportsInFile = new Dictionary<string, int>();
        var problems = new ProblemList(MaxListedProblems);
        var valid = new List<(ValidGuest Guest, string? PassportHash)>(rows.Count);

        for (var i = 0; i < rows.Count; i++)
        {
            // Row numbers as the user sees them in a spreadsheet: the header is row 1.
            var rowNumber = i + 2;
            var (guest, fieldProblems) = GuestValidator.Validate(ToInput(rows[i]), reference, localizer);
            foreach (var p in fieldProblems)
            {
                problems.Add(new ImportRowProblem(rowNumber, p.Field, p.Code, p.Message));
            }

            if (guest is null)
            {
                continue;
            }

            var rowProblems = 0;
            var email = guest.Email.ToLowerInvariant();
            if (existingEmails.Contains(email))
            {
                problems.Add(Problem(rowNumber, "email", GuestErrors.GuestEmailDuplicate, guest.Email));
                rowProblems++;
            }
            else if (!emailsInFile.TryAdd(email, rowNumber))
            {
                problems.Add(Problem(rowNumber, "email", GuestErrors.ImportDuplicateInFile, emailsInFile[email]));
                rowProblems++;
            }

            string? passportHash = null;
            if (!string.IsNullOrWhiteSpace(guest.PassportNumber))
            {
                passportHash = protector.LookupHash(FieldProtector.NormalizeDocumentNumber(guest.PassportNumber));
                if (existingPassports.Contains(passportHash))
                {
                    problems.Add(Problem(rowNumber, "passportNumber", GuestErrors.GuestPassportDuplicate));
                    rowProblems++;
                }
                else if (!passportsInFile.TryAdd(passportHash, rowNumber))
                {
                    problems.Add(Problem(rowNumber, "passportNumber", GuestErrors.ImportDuplicateInFile, passportsInFile[passportHash]));
                    rowProblems++;
                }
            }

            if (rowProblems == 0)
            {
                valid.Add((guest, passportHash));
            }

            if (i % 500 == 0)
            {
                progress?.Report(commit ? 0.5 * i / rows.Count : (double)i / rows.Count);
            }
        }

        var preview = new ImportPreview(rows.Count, valid.Count, problems.Listed, problems.Count, Committed: false);
        if (!commit)
        {
            progress?.Report(1);
            return preview;
        }

        if (!preview.CanCommit)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportHasProblems, problems.Count), preview);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < valid.Count; i++)
        {
            var (validGuest, passportHash) = valid[i];
            var guest = new Guest { EventId = summitEvent.Id, CreatedAt = now, UpdatedAt = now, StatusChangedAt = now };
            validGuest.ApplyTo(guest);
            if (validGuest.PassportNumber is { Length: > 0 } passport)
            {
                guest.PassportNumberEncrypted = protector.ProtectString(FieldProtector.NormalizeDocumentNumber(passport));
                guest.PassportHash = passportHash;
            }

            db.Guests.Add(guest);
            if ((i + 1) % 2000 == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Report(0.5 + 0.5 * i / valid.Count);
            }
        }

        await audit.RecordAsync(AuditActions.GuestsImported, "event", summitEvent.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["file"] = (null, fileName),
            ["rows"] = (null, valid.Count),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await DatabaseSetup.RefreshStatisticsAsync(db, ct);
        progress?.Report(1);
        return preview with { Committed = true };
    }

    private ImportRowProblem Problem(int row, string field, string code, params object[] args) =>
        new(row, field, code, localizer.Format("error." + code, [localizer[$"field.{field}"], .. args]));

    private static GuestInput ToInput(Dictionary<string, string> row)
    {
        string? Get(string column) => row.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? Csv.Unescape(value.Trim()) : null;
        return new GuestInput
        {
            FamilyName = Get("family_name") ?? "",
            GivenName = Get("given_name") ?? "",
            FamilyNameLatin = Get("family_name_latin"),
            GivenNameLatin = Get("given_name_latin"),
            Title = Get("title"),
            Gender = Get("gender"),
            Organisation = Get("organisation") ?? "",
            OrganisationType = Get("organisation_type") ?? "",
            Position = Get("position"),
            Country = Get("country") ?? "",
            Delegation = Get("delegation"),
            Email = Get("email") ?? "",
            Phone = Get("phone"),
            Language = Get("language"),
            ParticipationMode = Get("participation") ?? nameof(ParticipationMode.InPerson),
            Category = Get("category") ?? "",
            PassportNumber = Get("passport"),
        };
    }

    /// <summary>Counts every problem and keeps the first few.</summary>
    private sealed class ProblemList(int keep)
    {
        private readonly List<ImportRowProblem> _listed = [];

        public int Count { get; private set; }

        public IReadOnlyList<ImportRowProblem> Listed => _listed;

        public void Add(ImportRowProblem problem)
        {
            if (++Count <= keep)
            {
                _listed.Add(problem);
            }
        }
    }
}
