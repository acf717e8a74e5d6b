using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Screening.Holds;

/// <summary>
/// What a fever reading sets off, inside the ingestion batch's transaction: the gate goes on hold (unless it already is), an
/// incident is reported (cause "screening.fever" at the gate, the reading as evidence; the incidents module keeps one open per
/// gate), and every security officer gets a mail. All of it commits with the reading, or none of it does.
/// </summary>
public sealed class FeverHolds(SummitDbContext db, IZoneDirectory zones, IEventCalendar events, UserManager<SummitUser> users, AuditLog audit,
    Localizer localizer, TimeProvider clock, IServiceProvider services, ILogger<FeverHolds> logger)
{
    public const string FeverCause = "screening.fever";
    public const string MailKind = "screening_hold";

    /// <summary>Raises holds for the batch's fever readings; returns how many holds it opened.</summary>
    public async Task<int> RaiseAsync(IReadOnlyList<SensorReading> fevers, double threshold, CancellationToken ct)
    {
        var gateIds = fevers.Select(f => f.GateId).Distinct().ToList();
        var held = (await db.Set<ScreeningHold>().Where(h => h.Status == HoldStatus.Open && gateIds.Contains(h.GateId)).ToListAsync(ct))
            .ToDictionary(h => h.GateId);
        var gates = (await zones.ListGatesAsync(ct)).ToDictionary(g => g.Id);
        var sensorIds = fevers.Select(f => f.SensorId).Distinct().ToList();
        var sensors = await db.Set<Sensor>().AsNoTracking().Where(s => sensorIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var reporter = services.GetService<IIncidentReporter>();
        if (reporter is null)
        {
            logger.LogWarning("No incident reporter is registered: fever readings put gates on hold but raise no incident");
        }

        var officers = await users.GetUsersInRoleAsync(Roles.SecurityOfficer);
        var zone = await events.TimeZoneAsync(ct);
        var raised = 0;
        foreach (var fever in fevers)
        {
            var gate = gates.GetValueOrDefault(fever.GateId);
            var gateCode = gate?.Code ?? "?";
            var sensorCode = sensors.GetValueOrDefault(fever.SensorId)?.Code ?? "?";
            var degrees = fever.Celsius.ToString("0.0", CultureInfo.InvariantCulture);
            Guid? incidentId = null;
            if (reporter is not null)
            {
                incidentId = await reporter.ReportAsync(new AutomaticIncidentReport(IncidentType.Health, IncidentSeverity.High, FeverCause,
                    new IncidentPlace(GateId: fever.GateId),
                    IncidentText.Of("screening.incident.fever_title", gateCode),
                    new IncidentEvidence("reading", fever.Id.ToString(),
                        localizer.Format(Localizer.English, "screening.incident.fever_evidence", degrees, sensorCode, Time(fever.MeasuredAt, zone)),
                        localizer.Format(Localizer.Chinese, "screening.incident.fever_evidence", degrees, sensorCode, Time(fever.MeasuredAt, zone)))), ct);
            }

            if (held.TryGetValue(fever.GateId, out var open))
            {
                // The lane is held already. A new incident means its last one was resolved meanwhile: the decision settles the new one.
                open.IncidentId = incidentId ?? open.IncidentId;
                continue;
            }

            var hold = new ScreeningHold
            {
                EventId = sensors.GetValueOrDefault(fever.SensorId)?.EventId ?? Guid.Empty,
                GateId = fever.GateId,
                SensorId = fever.SensorId,
                ReadingId = fever.Id,
                Celsius = fever.Celsius,
                Threshold = threshold,
                RaisedAt = clock.GetUtcNow(),
                IncidentId = incidentId,
                Status = HoldStatus.Open,
            };
            db.Set<ScreeningHold>().Add(hold);
            held[fever.GateId] = hold;
            await audit.RecordAsync(ScreeningAudit.HoldRaised, "screening_hold", hold.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["gate"] = (null, gateCode),
                ["sensor"] = (null, sensorCode),
                ["celsius"] = (null, fever.Celsius),
                ["threshold"] = (null, threshold),
                ["reading"] = (null, fever.Id),
                ["incident"] = (null, incidentId),
            });
            foreach (var officer in officers.Where(o => !string.IsNullOrWhiteSpace(o.Email)))
            {
                QueueMail(officer, gate, gateCode, degrees, sensorCode, Time(fever.MeasuredAt, zone));
            }

            raised++;
        }

        return raised;
    }

    private void QueueMail(SummitUser officer, GateView? gate, string gateCode, string degrees, string sensorCode, string measuredAt)
    {
        var language = Localizer.NormalizeLanguage(officer.Language);
        var gateName = gate?.Name(language) ?? gateCode;
        var subject = localizer.Format(language, "screening.mail.subject", gateCode);
        var body = localizer.Format(language, "screening.mail.body", gateCode, gateName, degrees, sensorCode, measuredAt);
        db.OutgoingMails.Add(new OutgoingMail
        {
            ToAddress = officer.Email!,
            ToName = officer.DisplayName,
            Subject = subject,
            TextBody = body,
            HtmlBody = $"<p>{WebUtility.HtmlEncode(body)}</p>",
            Kind = MailKind,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    private static string Time(DateTimeOffset time, TimeZoneInfo zone) => EventTime.Format(time, zone, TimeStyle.DateTimeSeconds);
}
