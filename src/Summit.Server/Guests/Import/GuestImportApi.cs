using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Guests.Import;

public static class GuestImportApi
{
    public const long MaxUploadBytes = 50 * 1024 * 1024;

    public static IServiceCollection AddGuestImport(this IServiceCollection services) =>
        services.AddScoped<GuestImportService>().AddScoped<GuestExportService>();

    public static RouteGroupBuilder MapGuestImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/guests/import", async (IFormFile file, bool? commit, GuestImportService service, CancellationToken ct) =>
            {
                if (file.Length > MaxUploadBytes)
                {
                    throw new SummitException(SummitError.Of(GuestErrors.ImportFileTooLarge, MaxUploadBytes / (1024 * 1024)));
                }

                await using var stream = file.OpenReadStream();
                return TypedResults.Ok(await service.ImportAsync(stream, file.FileName, commit == true, progress: null, ct));
            })
            .DisableAntiforgery()
            .WithUploadLimit(MaxUploadBytes, GuestErrors.ImportFileTooLarge)
            .WithTags("Guests").RequireAuthorization(Policies.GuestsImport)
            .WithSummary("Import guests from CSV or XLSX: a dry run by default, ?commit=true writes all rows or none");

        api.MapGet("/guests/export", async ([AsParameters] GuestListQuery query, string? format, GuestExportService service, CancellationToken ct) =>
            {
                var (content, contentType, fileName) = await service.ExportAsync(query.ToFilter(), format ?? "csv", ct);
                return Results.File(content, contentType, fileName);
            })
            .WithTags("Guests").RequireAuthorization(Policies.GuestsExport).WithSummary("Export the filtered guest list as CSV or XLSX");
        return api;
    }
}
