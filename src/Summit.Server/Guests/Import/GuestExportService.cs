using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Guests.Import;

/// <summary>Exports the filtered guest list in the import layout. Passport numbers are never exported.</summary>
public sealed class GuestExportService(SummitDbContext db, GuestQueries queries, IEventCalendar events, AuditLog audit)
{
    public async Task<(byte[] Content, string ContentType, string FileName)> ExportAsync(GuestFilter filter, string format, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var rows = await queries.Filtered(summitEvent.Id, filter)
            .Select(g => new
            {
                g.FamilyName,
                g.GivenName,
                g.FamilyNameLatin,
                g.GivenNameLatin,
                g.Title,
                g.Gender,
                g.Organisation,
                g.OrganisationType,
                g.Position,
                g.CountryCode,
                Delegation = g.Delegation != null ? g.Delegation.Name : null,
                g.Email,
                g.Phone,
                g.Language,
                g.ParticipationMode,
                Category = g.Category!.Code,
                g.Status,
            })
            .ToListAsync(ct);
        var records = rows.Select(g => new Dictionary<string, object?>
        {
            ["family_name"] = g.FamilyName,
            ["given_name"] = g.GivenName,
            ["family_name_latin"] = g.FamilyNameLatin,
            ["given_name_latin"] = g.GivenNameLatin,
            ["title"] = g.Title,
            ["gender"] = g.Gender?.ToString(),
            ["organisation"] = g.Organisation,
            ["organisation_type"] = g.OrganisationType.ToString(),
            ["position"] = g.Position,
            ["country"] = g.CountryCode,
            ["delegation"] = g.Delegation,
            ["email"] = g.Email,
            ["phone"] = g.Phone,
            ["language"] = g.Language,
            ["participation"] = g.ParticipationMode.ToString(),
            ["category"] = g.Category,
            [GuestFileFormat.StatusColumn] = g.Status.ToString(),
        }).ToList();

        await audit.RecordAsync(AuditActions.GuestsExported, "event", summitEvent.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["format"] = (null, format),
            ["rows"] = (null, records.Count),
            ["filter"] = (null, filter.ToString()),
        });
        await db.SaveChangesAsync(ct);

        var stamp = string.Create(CultureInfo.InvariantCulture, $"{summitEvent.StartDate:yyyy}");
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream();
            var rowsByHeader = records.Select(r => r.ToDictionary(c => GuestFileFormat.Header(c.Key), c => c.Value)).ToList();
            await stream.SaveAsAsync(rowsByHeader, cancellationToken: ct);
            return (stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"summit-guests-{stamp}.xlsx");
        }

        var output = new System.Text.StringBuilder();
        var columns = GuestFileFormat.Columns.Where(c => c != "passport").Append(GuestFileFormat.StatusColumn).ToList();
        Csv.WriteRow(output, GuestFileFormat.Headers(columns));
        foreach (var record in records)
        {
            Csv.WriteRow(output, columns.Select(c => record[c]?.ToString()));
        }

        // A UTF-8 byte order mark, so that spreadsheet programs read Chinese and Arabic names correctly.
        return ([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(output.ToString())], "text/csv; charset=utf-8",
            $"summit-guests-{stamp}.csv");
    }
}
