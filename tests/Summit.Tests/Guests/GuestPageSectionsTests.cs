using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Summit.Server.Access.Pages;
using Summit.Server.Components.Shared;
using Summit.Server.Faces.Pages;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Modules;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>The guest page shows other modules' parts through its contract (GuestPage), each to the users of its policy.</summary>
public class GuestPageSectionsTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public void Access_and_faces_register_their_parts_of_the_guest_list_and_page_at_the_places_guests_publish()
    {
        var sections = app.Services.GetRequiredService<PageSections>();

        Assert.Equal([(typeof(BulkIssueButton), Policies.CredentialsManage), (typeof(FastLaneBulkButtons), Policies.FacesEnrol)],
            Registered(sections, GuestListPage.Actions));
        Assert.Equal([(typeof(BadgeButtons), Policies.CredentialsManage)], Registered(sections, GuestPage.Actions));
        Assert.Equal([(typeof(BlockSection), Policies.PersonsBlock), (typeof(FaceEnrolmentSection), Policies.FacesEnrol)], Registered(sections, GuestPage.Side));
        Assert.Equal([(typeof(CredentialSection), Policies.CredentialsManage), (typeof(PersonalZonesSection), Policies.AccessManage)],
            Registered(sections, GuestPage.Main));
    }

    [Fact]
    public async Task A_place_shows_its_sections_in_order_with_the_page_context_and_hides_those_whose_policy_the_user_lacks()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new Localizer());
        services.AddAuthorizationCore(o =>
        {
            o.AddPolicy("granted", p => p.RequireRole("accreditation"));
            o.AddPolicy("withheld", p => p.RequireRole("security"));
        });
        services.AddSingleton(new PageSection(GuestPage.Main, typeof(SecondSection), 20, "granted"));
        services.AddSingleton(new PageSection(GuestPage.Main, typeof(WithheldSection), 15, "withheld"));
        services.AddSingleton(new PageSection(GuestPage.Main, typeof(FirstSection), 10, "granted"));
        services.AddSingleton(new PageSection(GuestPage.Side, typeof(SidePlaceSection), 10, "granted"));
        services.AddSingleton<PageSections>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "accreditation")], "test"));
        var guest = new GuestPageContext(Guid.NewGuid(), "Ada LOVELACE", GuestStatus.Approved, ParticipationMode.InPerson, [], TimeZoneInfo.Utc,
            null, null, default);

        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = new Dictionary<string, object?> { [nameof(PageHost.User)] = user, [nameof(PageHost.Guest)] = guest };
            return (await renderer.RenderComponentAsync<PageHost>(ParameterView.FromDictionary(parameters))).ToHtmlString();
        });

        Assert.Equal("[first: Ada LOVELACE][second: Ada LOVELACE]", html);
    }

    private static List<(Type Component, string Policy)> Registered(PageSections sections, string place) =>
        [.. sections.At(place).Select(s => (s.Component, s.Policy))];

    /// <summary>The guest page as far as its sections see it: the signed-in user, the guest it shares, and its main column.</summary>
    private sealed class PageHost : ComponentBase
    {
        [Parameter] public ClaimsPrincipal User { get; set; } = new();

        [Parameter] public GuestPageContext Guest { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<CascadingValue<Task<AuthenticationState>>>(0);
            builder.AddComponentParameter(1, nameof(CascadingValue<object>.Value), Task.FromResult(new AuthenticationState(User)));
            builder.AddComponentParameter(2, nameof(CascadingValue<object>.ChildContent), (RenderFragment)(page =>
            {
                page.OpenComponent<CascadingValue<GuestPageContext>>(0);
                page.AddComponentParameter(1, nameof(CascadingValue<object>.Value), Guest);
                page.AddComponentParameter(2, nameof(CascadingValue<object>.ChildContent), (RenderFragment)(main =>
                {
                    main.OpenComponent<RegisteredSections>(0);
                    main.AddComponentParameter(1, nameof(RegisteredSections.Place), GuestPage.Main);
                    main.CloseComponent();
                }));
                page.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }

    /// <summary>A section of another module: it shows the guest the page shares with it.</summary>
    private abstract class TestSection(string name) : ComponentBase
    {
        [CascadingParameter] private GuestPageContext Guest { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"[{name}: {Guest.GuestName}]");
    }

    private sealed class FirstSection() : TestSection("first");

    private sealed class SecondSection() : TestSection("second");

    private sealed class WithheldSection() : TestSection("withheld");

    private sealed class SidePlaceSection() : TestSection("side");
}
