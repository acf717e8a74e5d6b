using System.Net;
using Summit.Server.Programme.Agenda;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Programme.Agenda;

/// <summary>What agenda tests do, named by intent: a registered guest with their portal link, the portal page as a browser gets it, a session added.</summary>
public static class AgendaIntents
{
    public static async Task<(Guid GuestId, string Token)> GuestWithTokenAsync(this SummitFactory app)
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        await app.RegisterOkAsync(token);
        return (guest.Id, token);
    }

    public static async Task<string> PortalPageAsync(this SummitFactory app, string token, string language = "en")
    {
        using var browser = await app.BrowserForAsync(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/portal/" + token);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static async Task<AgendaView> AddToAgendaAsync(this HttpClient portal, string token, Guid sessionId) =>
        await (await portal.PutAsync($"/api/v1/portal/{token}/agenda/sessions/{sessionId}", null)).OkAsync<AgendaView>();
}
