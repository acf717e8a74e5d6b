using System.Net.Http.Json;
using Summit.Server.Guests.Portal;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>What the portal's status view tells a guest about their consents.</summary>
public class PortalViewTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_data_consent_shows_only_once_the_guest_gave_it()
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        using var client = app.CreateClient();

        var before = await client.GetFromJsonAsync<PortalView>($"/api/v1/portal/{token}", Intents.Json);
        Assert.False(before!.DataConsentGiven);
        Assert.True(before.CanRegister);

        var after = await app.RegisterOkAsync(token);
        Assert.True(after.DataConsentGiven);
        Assert.False(after.CanRegister);
    }
}
