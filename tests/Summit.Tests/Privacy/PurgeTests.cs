using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Privacy;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Privacy;

/// <summary>The retention purge, run by hand on an event with guests, incidents, a screening hold and mail, with the clock moved past its end.</summary>
public sealed class PurgeTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    [Fact]
    public async Task The_purge_does_exactly_what_its_dry_run_listed_keeps_the_report_and_leaves_no_trace_of_anyone_it_erased()
    {
        var ada = await app.ArrivedPersonAsync("Quorrington", "Ada", "柯", "雅达");
        var ben = await app.ArrivedPersonAsync("Vexley", "Benedikt", "韦", "本笃");
        var carla = await app.ArrivedPersonAsync("Marchetti", "Carla", "马", "卡拉");
        await app.IncidentNamingAsync(ben, resolve: true);
        var open = await app.IncidentNamingAsync(carla, resolve: false);
        await AddHoldNoteAsync($"Re-measured {ada.GivenNameLatin} {ada.FamilyNameLatin}: 36.6");
        Assert.True(await app.DispatchMailAsync() > 0);
        var outbox = Path.Combine(app.DataDirectory, "outbox");
        Assert.NotEmpty(Directory.GetFiles(outbox, "*.eml"));
        var before = await app.DumpAsync();
        Assert.NotEmpty(before.Mentions(ada.FamilyNameLatin));
        Assert.NotEmpty(before.Mentions(ben.Email));

        // Before the end of the retention period the purge is refused with the date it may run.
        await (await app.PurgeAsync()).AssertProblemAsync(409, PrivacyErrors.PurgeNotDue);

        app.Clock.SetUtcNow(PrivacyIntents.DefaultDue);
        // Taken at the moment of the purge: SLA breaches of an incident still open are counted up to now.
        var report = await app.ReportFiguresAsync();
        using (await app.ClientForAsync(Roles.DataProtectionOfficer))
        {
            // Signed in before the snapshot: a sign-in writes to the accounts.
        }

        var unchanged = await app.DumpAsync("AuditEntries");
        var plan = await app.PreviewPurgeAsync();
        var afterDryRun = await app.DumpAsync("AuditEntries");
        Assert.Empty(unchanged.Keys.Where(t => !unchanged[t].SequenceEqual(afterDryRun[t])).Select(t => $"{t}: {string.Join(" / ", afterDryRun[t].Except(unchanged[t]))}"));
        Assert.True(plan.Due);
        Assert.True(plan.HasWork);
        var kept = Assert.Single(plan.Held);
        Assert.Equal(carla.Id, kept.PersonId);
        Assert.Contains(kept.Reasons, r => r.Code == "incident_open" && r.Message.Contains(open.Summary.Number, StringComparison.Ordinal));
        Assert.Contains(plan.Counts, c => c is { Area: "guests", Kind: "photo", Action: DataAction.Deleted, Count: >= 2 });
        Assert.Contains(plan.Counts, c => c is { Area: "access", Kind: "scan", Action: DataAction.Anonymized, Count: >= 2 });
        Assert.Contains(plan.Counts, c => c is { Area: "incidents", Kind: "photo", Action: DataAction.Deleted, Count: 1 });
        Assert.Contains(plan.Counts, c => c is { Area: "screening", Kind: "hold-note", Action: DataAction.Anonymized });
        Assert.Contains(plan.Counts, c => c is { Area: "mail", Kind: "mail-copy", Action: DataAction.Deleted, Count: > 0 });
        Assert.Contains(plan.Counts, c => c is { Area: "incidents", Kind: "incident-open", Action: DataAction.Kept, Count: 1 });

        var run = await (await app.PurgeAsync()).OkAsync<PurgeRunView>();
        Assert.Equal(PurgeOutcome.Completed, run.Outcome);
        Assert.Equal(plan.Counts, run.Counts);
        Assert.Equal(plan.Persons - 1, run.Erased);
        Assert.Equal(1, run.Held);

        Assert.Equal(report, await app.ReportFiguresAsync());
        var after = await app.DumpAsync();
        foreach (var trace in ada.Traces.Concat(ben.Traces))
        {
            Assert.Empty(after.Mentions(trace));
        }

        Assert.NotEmpty(after.Mentions(carla.FamilyNameLatin));
        Assert.All(OutboxFolderTransport.Copies(outbox), c => Assert.True(c.Written >= PrivacyIntents.DefaultDue
            || after.Mentions(c.MailId!.Value.ToString()).Count > 0, $"{c.Path} outlived the purge"));
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            Assert.Equal(1, await db.IncidentAttachments.CountAsync());
            Assert.Single(await db.AuditEntries.Where(a => a.Action == PrivacyAudit.Purged).ToListAsync());
            Assert.Equal(ErasedText.Marker, (await db.Set<ScreeningHold>().SingleAsync()).Note);
        });

        // Nothing is left to do while the incident is open; once it is resolved, the next purge takes the person it held.
        Assert.False((await app.PreviewPurgeAsync()).HasWork);
        await app.ResolveIncidentAsync(open.Summary.Number);
        var resolved = await app.ReportFiguresAsync();
        var last = await (await app.PurgeAsync()).OkAsync<PurgeRunView>();
        Assert.Equal(1, last.Erased);
        Assert.Equal(0, last.Held);
        Assert.Equal(resolved, await app.ReportFiguresAsync());
        var end = await app.DumpAsync();
        foreach (var trace in carla.Traces)
        {
            Assert.Empty(end.Mentions(trace));
        }
    }

    private async Task AddHoldNoteAsync(string note) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        db.Set<ScreeningHold>().Add(new ScreeningHold
        {
            EventId = app.EventId,
            GateId = app.Venue.MainIn.Id,
            SensorId = Guid.NewGuid(),
            ReadingId = Guid.NewGuid(),
            Celsius = 38.1,
            Threshold = 37.3,
            RaisedAt = app.Clock.GetUtcNow(),
            Status = HoldStatus.Cleared,
            RemeasuredCelsius = 36.6,
            DecidedAt = app.Clock.GetUtcNow(),
            DecidedBy = "securityofficer@test.summit",
            Note = note,
        });
        await db.SaveChangesAsync();
    });
}
