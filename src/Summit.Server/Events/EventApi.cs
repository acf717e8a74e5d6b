using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Events;

public static class EventApi
{
    public static RouteGroupBuilder MapEventApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/event").WithTags("Event");
        group.MapGet("/", async (IEventCalendar events, CancellationToken ct) => TypedResults.Ok(EventDto.From(await events.GetCurrentAsync(ct))))
            .RequireAuthorization(Policies.StaffSignedIn).WithSummary("The current event");
        group.MapPut("/", async (EventInput input, EventService events, CancellationToken ct) => TypedResults.Ok(EventDto.From(EventCalendar.Facts(await events.SaveAsync(input, ct)))))
            .RequireAuthorization(Policies.EventManage).WithSummary("Create or edit the current event");
        return api;
    }
}
