using System.Net;
using System.Net.Http.Json;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Categories;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>Accreditation categories are data the organizer adds and edits through POST/PUT /api/v1/categories.</summary>
public class CategoryApiTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_category_is_created_and_edited_and_both_changes_are_audited()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var create = await secretariat.PostAsJsonAsync("/api/v1/categories", new CategoryInput("Press", "Press", "新闻", "#12ab34"), Intents.Json);
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = (await create.Content.ReadFromJsonAsync<CategoryDetail>(Intents.Json))!;
        Assert.Equal("#12AB34", created.Colour);
        Assert.True(created.SortOrder > app.Categories.Values.Max(c => c.SortOrder), "A category without an order goes last.");

        var update = await secretariat.PutAsJsonAsync($"/api/v1/categories/{created.Id}",
            new CategoryInput("Press", "Press and media", "新闻媒体", "#12AB34", 3), Intents.Json);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var listed = await secretariat.GetFromJsonAsync<List<CategoryDto>>("/api/v1/categories", Intents.Json);
        Assert.Contains(listed!, c => c.Id == created.Id && c.NameEn == "Press and media" && c.NameZh == "新闻媒体");

        var trail = await app.AuditTrailAsync("category", created.Id);
        Assert.Equal(["category.updated", "category.created"], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal(SummitFactory.EmailOf(Roles.Secretariat), a.ActorName));
        Assert.Equal((null, "Press"), trail[1].Change("code"));
        Assert.Equal(("Press", "Press and media"), trail[0].Change("nameEn"));
        Assert.Equal((created.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture), "3"), trail[0].Change("sortOrder"));
        Assert.Null(trail[0].Change("code"));
    }

    [Theory]
    [InlineData("en", "Accreditation categories")]
    [InlineData("zh-Hans", "证件类别")]
    public async Task The_event_settings_page_shows_the_categories_through_the_guests_section_before_the_other_modules_settings(
        string language, string heading)
    {
        var html = await app.PageAsync(Roles.Admin, "/event", language);

        Assert.Contains(heading, html, StringComparison.Ordinal);
        var table = html.IndexOf("data-testid=\"category-table\"", StringComparison.Ordinal);
        Assert.True(table > 0, "The categories section is on the page.");
        Assert.All(app.Categories.Keys, code => Assert.Contains($"data-code=\"{code}\"", html, StringComparison.Ordinal));
        var threshold = html.IndexOf("data-testid=\"screening-settings\"", StringComparison.Ordinal);
        Assert.True(threshold > table, "The categories come first, as before they were a section.");
    }

    [Fact]
    public async Task A_code_already_used_is_refused_whatever_its_case()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var duplicate = await secretariat.PostAsJsonAsync("/api/v1/categories", new CategoryInput("vip", "Very important", "贵宾", "#C62828"), Intents.Json);
        await duplicate.AssertProblemAsync(409, GuestErrors.CategoryCodeDuplicate);

        var renamed = await secretariat.PutAsJsonAsync($"/api/v1/categories/{app.Categories["Media"].Id}",
            new CategoryInput("Speaker", "Media", "媒体", "#EF6C00"), Intents.Json);
        await renamed.AssertProblemAsync(409, GuestErrors.CategoryCodeDuplicate);
        Assert.Empty(await app.AuditTrailAsync("category", app.Categories["Media"].Id));
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#GGGGGG")]
    [InlineData("")]
    public async Task A_colour_not_in_the_form_RRGGBB_is_refused(string colour)
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var code = "C" + Guid.NewGuid().ToString("N")[..8];
        var response = await secretariat.PostAsJsonAsync("/api/v1/categories", new CategoryInput(code, "Colourful", "彩色", colour), Intents.Json);
        await AssertFieldProblemAsync(response, "colour", GuestErrors.ColourInvalid);

        var listed = await secretariat.GetFromJsonAsync<List<CategoryDto>>("/api/v1/categories", Intents.Json);
        Assert.DoesNotContain(listed!, c => c.Code == code);
    }

    [Fact]
    public async Task Names_are_required_and_the_code_has_no_spaces()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var response = await secretariat.PostAsJsonAsync("/api/v1/categories", new CategoryInput("Day pass", " ", "", "#000000"), Intents.Json);
        var details = await AssertFieldProblemAsync(response, "code", GuestErrors.CategoryCodeInvalid);
        Assert.Contains(details, d => d.Field == "nameEn" && d.Code == ErrorCodes.FieldRequired);
        Assert.Contains(details, d => d.Field == "nameZh" && d.Code == ErrorCodes.FieldRequired);
    }

    [Fact]
    public async Task Only_event_managers_may_change_categories()
    {
        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        var response = await officer.PostAsJsonAsync("/api/v1/categories", new CategoryInput("Guard", "Guard", "警卫", "#000000"), Intents.Json);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var admin = await app.ClientForAsync(Roles.Admin);
        var missing = await admin.PutAsJsonAsync($"/api/v1/categories/{Guid.NewGuid()}", new CategoryInput("Guard", "Guard", "警卫", "#000000"), Intents.Json);
        await missing.AssertProblemAsync(404, GuestErrors.CategoryNotFound);
    }

    internal static async Task<List<FieldProblem>> AssertFieldProblemAsync(HttpResponseMessage response, string field, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var details = System.Text.Json.JsonSerializer.Deserialize<List<FieldProblem>>(
            System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("details").GetRawText(), Intents.Json)!;
        Assert.Contains(details, d => d.Field == field && d.Code == code && d.Message.Length > 0);
        return details;
    }
}
