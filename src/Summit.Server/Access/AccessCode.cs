using System.Text.RegularExpressions;

namespace Summit.Server.Access;

/// <summary>The code of a zone or a gate: up to 16 capital letters, digits, '_' or '-', starting with a letter or a digit.</summary>
internal static partial class AccessCode
{
    /// <summary>Checks the form's code field and returns it in capitals.</summary>
    public static string Check(FieldChecks checks, string? value)
    {
        var code = checks.Required("code", "access.field.code", value, 16).ToUpperInvariant();
        if (!checks.HasProblem("code") && !CodePattern().IsMatch(code))
        {
            checks.Add("code", "access.field.code", AccessErrors.AccessCodeInvalid, code);
        }

        return code;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{0,15}$")]
    private static partial Regex CodePattern();
}
