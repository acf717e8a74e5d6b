using System.Net.Http.Json;
using System.Text.Json;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Monitoring;
using Summit.Server.Guests;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Reports;

/// <summary>
/// A known week at the gates of the test event (26-28 September 2021, Asia/Shanghai), with a report printed at two moments:
/// <list type="bullet">
/// <item>25 September (the set-up day, outside the event's dates): the first delegate comes in and goes out.</item>
/// <item>26 September, 08:30: two delegates and a VIP enter the main venue, the first delegate the forum; a second entry is refused by
/// anti-passback, a misread code refused. Report 1 is printed at 08:35.</item>
/// <item>08:40: the second delegate becomes a VIP (their code is reissued) and enters the VIP lounge.</item>
/// <item>27 September, 09:00: the first delegate comes back; two offline gates both let the VIP in (a double entry, both scans uploaded
/// late), resolved at 09:10. Report 2 is printed at 09:20.</item>
/// <item>28 September: nobody. Then, at 09:30 on the 27th, more scans arrive after both reports.</item>
/// </list>
/// </summary>
public sealed class ClosingReportFactory : EarlyAccessFactory
{
    public DateTimeOffset FirstStamp { get; private set; }
    public DateTimeOffset SecondStamp { get; private set; }
    public DateTimeOffset ConflictFoundAt { get; private set; }
    public string FirstReport { get; private set; } = "";
    public string SecondReport { get; private set; } = "";
    public List<string[]> FirstFigures { get; private set; } = [];
    public List<string[]> SecondFigures { get; private set; } = [];
    public Guid SecondDelegate { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var first = await this.IssueCodeAsync(await this.ApprovedGuestAsync());
        SecondDelegate = await this.ApprovedGuestAsync();
        var second = await this.IssueCodeAsync(SecondDelegate);
        var vip = await this.IssueCodeAsync(await this.ApprovedGuestAsync("VIP"));
        string otherEntrance;
        using (var secretariat = await this.ClientForAsync(Roles.Secretariat))
        {
            otherEntrance = await this.EnrolDeviceAsync((await AccessIntents.CreateGateAsync(secretariat, "A3", Venue.Main.Id, GateDirections.Entry)).Id);
        }

        Clock.SetUtcNow(new DateTimeOffset(2021, 9, 25, 2, 0, 0, TimeSpan.Zero));
        Assert.True((await this.ScanAsync(Venue.MainInToken, first)).Admitted);
        Assert.True((await this.ScanAsync(Venue.MainOutToken, first)).Admitted);

        Clock.SetUtcNow(AccessFactory.FirstMorning);
        Assert.True((await this.ScanAsync(Venue.MainInToken, first)).Admitted);
        Assert.True((await this.ScanAsync(Venue.MainInToken, second)).Admitted);
        Assert.True((await this.ScanAsync(Venue.MainInToken, vip)).Admitted);
        Assert.True((await this.ScanAsync(Venue.ForumInToken, first, GateDirection.Entry)).Admitted);
        Assert.Equal(ReasonCode.AlreadyInside, (await this.ScanAsync(Venue.MainInToken, second)).Reason);
        Assert.Equal(ReasonCode.BadFormat, (await this.ScanAsync(Venue.MainInToken, "not a code")).Reason);

        Clock.SetUtcNow(AccessFactory.FirstMorning.AddMinutes(5).AddSeconds(20));
        using (var morning = await this.ClientForAsync(Roles.OperationsCentre))
        {
            (FirstStamp, FirstReport, FirstFigures) = await PrintAsync(morning);
        }

        Clock.SetUtcNow(AccessFactory.FirstMorning.AddMinutes(10));
        using (var officer = await this.ClientForAsync(Roles.AccreditationOfficer))
        {
            await (await officer.PostAsJsonAsync($"/api/v1/guests/{SecondDelegate}/category", new CategoryChangeRequest(Categories["VIP"].Id), Intents.Json))
                .OkAsync<GuestDetail>();
        }

        var secondAsVip = await this.CodeOfAsync(SecondDelegate);
        Assert.NotEqual(second, secondAsVip);
        Assert.True((await this.ScanAsync(Venue.VipInToken, secondAsVip, GateDirection.Entry)).Admitted);

        var secondDay = new DateTimeOffset(2021, 9, 27, 1, 0, 0, TimeSpan.Zero);
        Clock.SetUtcNow(secondDay);
        Assert.True((await this.ScanAsync(Venue.MainInToken, first)).Admitted);
        Clock.SetUtcNow(secondDay.AddMinutes(2));
        ConflictFoundAt = Clock.GetUtcNow();
        await UploadAsync(Venue.MainInToken, vip, secondDay.AddMinutes(-10));
        var conflict = Assert.Single((await UploadAsync(otherEntrance, vip, secondDay.AddMinutes(-9))).Conflicts);
        Clock.SetUtcNow(secondDay.AddMinutes(10));
        using var operations = await this.ClientForAsync(Roles.OperationsCentre);
        Assert.True((await operations.PostAsJsonAsync($"/api/v1/access/conflicts/{conflict.ConflictId}/resolve",
            new ResolveConflictRequest("Two lanes were offline at once; one visit"), Intents.Json)).IsSuccessStatusCode);

        Clock.SetUtcNow(secondDay.AddMinutes(20).AddSeconds(30));
        (SecondStamp, SecondReport, SecondFigures) = await PrintAsync(operations);

        // After both reports: more scans, a refusal, an exit.
        Clock.SetUtcNow(secondDay.AddMinutes(30));
        Assert.True((await this.ScanAsync(Venue.MainInToken, secondAsVip)).Admitted);
        Assert.Equal(ReasonCode.BadFormat, (await this.ScanAsync(Venue.MainInToken, "garbage")).Reason);
        Assert.True((await this.ScanAsync(Venue.MainOutToken, first)).Admitted);
        Clock.SetUtcNow(secondDay.AddMinutes(45));
    }

    /// <summary>The report as the API gives it now (its JSON without who built it and when), and its CSV.</summary>
    public static async Task<(DateTimeOffset Stamp, string Figures, List<string[]> Csv)> PrintAsync(HttpClient client, DateTimeOffset? asOf = null)
    {
        var report = await ReportRecords.ReportAsync(client, asOf);
        var figures = JsonSerializer.Serialize(report with { GeneratedAt = default, GeneratedBy = "" }, Intents.Json);
        return (report.AsOf, figures, await ReportRecords.FiguresAsync(client, report.AsOf));
    }

    private async Task<ScanUploadResponse> UploadAsync(string token, string code, DateTimeOffset scannedAt)
    {
        using var device = this.DeviceClient(token);
        return await (await device.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
            [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, scannedAt)]), Intents.Json)).OkAsync<ScanUploadResponse>();
    }
}
