using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Summit.BrowserTests;

/// <summary>What the venue tests set up through the REST API as the demo's admin (the venue manager): rooms by code, bookings, times.</summary>
public static class VenueApi
{
    /// <summary>A client of the test server signed in as the demo's admin.</summary>
    public static async Task<HttpClient> AdminAsync(SummitServer server)
    {
        var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await ReadAsync(await api.PostAsJsonAsync("/api/v1/auth/login", new { email = SummitServer.AdminEmail, password = SummitServer.Password }));
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());
        return api;
    }

    /// <summary>The room's id, the event's first day (today in the demo) and a local time of a day as an instant in the event's zone.</summary>
    public static async Task<(Guid RoomId, DateOnly Today, Func<DateOnly, int, int, DateTimeOffset> At)> RoomAsync(HttpClient api, string code)
    {
        var rooms = await ReadAsync(await api.GetAsync("/api/v1/venues/rooms"));
        var roomId = rooms.AsArray().Single(r => r!["code"]!.GetValue<string>() == code)!["id"]!.GetValue<Guid>();
        var summitEvent = await ReadAsync(await api.GetAsync("/api/v1/event"));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent["timeZoneId"]!.GetValue<string>());
        var today = DateOnly.ParseExact(summitEvent["startDate"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (roomId, today, (day, hour, minute) =>
        {
            var local = day.ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        );
    }

    /// <summary>The answer's JSON; fails naming the request when it was refused.</summary>
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
