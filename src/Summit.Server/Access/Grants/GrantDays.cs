using System.Globalization;

namespace Summit.Server.Access.Grants;

/// <summary>The days of a grant as the audit trail shows them: "(2026-05-01)", "(2026-05-01..2026-05-03)", or nothing for every day.</summary>
internal static class GrantDays
{
    public static string Describe(DateOnly? first, DateOnly? last) => (first, last) switch
    {
        (null, null) => "",
        _ when first == last => $"({Day(first)})",
        _ => $"({Day(first)}..{Day(last)})",
    };

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
