using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Guests.Categories;

/// <summary>Adding and editing accreditation categories (the list itself is GET /api/v1/categories).</summary>
public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this RouteGroupBuilder api)
    {
        var categories = api.MapGroup("/categories").WithTags("Guests").RequireAuthorization(Policies.EventManage);

        categories.MapPost("/", async (CategoryInput input, CategoryService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/categories/{created.Id}", created);
            })
            .WithSummary("Add an accreditation category (code unique per event, colour #RRGGBB)");

        categories.MapPut("/{id:guid}", async (Guid id, CategoryInput input, CategoryService service, CancellationToken ct) =>
                TypedResults.Ok(await service.UpdateAsync(id, input, ct)))
            .WithSummary("Edit an accreditation category");

        return api;
    }
}
