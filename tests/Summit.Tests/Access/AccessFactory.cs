using System.Net.Http.Json;
using Summit.Server.Access.Credentials;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>A Summit server with the small test venue set up and a device enrolled on each gate.</summary>
public class AccessFactory : SummitFactory
{
    /// <summary>08:30 in Wuzhen on the first day of the test event.</summary>
    public static readonly DateTimeOffset FirstMorning = new(2021, 9, 26, 0, 30, 0, TimeSpan.Zero);

    public AccessWorldSetup Venue { get; private set; } = null!;

    /// <summary>False keeps the clock a week before the event, when no credential is valid yet.</summary>
    protected virtual bool StartAtTheEvent => true;

    /// <summary>
    /// The event's setting (on by default in the product). Off here: access tests issue credentials themselves, to approved
    /// guests; issuing at approval has tests of its own.
    /// </summary>
    protected virtual bool IssueOnApproval => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Venue = await this.SetUpVenueAsync();
        using (var officer = await this.ClientForAsync(Roles.AccreditationOfficer))
        {
            await (await officer.PutAsJsonAsync("/api/v1/access/credential-settings", new CredentialSettings(IssueOnApproval), Intents.Json))
                .OkAsync<CredentialSettings>();
        }

        if (StartAtTheEvent)
        {
            Clock.SetUtcNow(FirstMorning);
        }
    }
}
