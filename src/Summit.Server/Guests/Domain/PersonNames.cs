namespace Summit.Server.Guests.Domain;

/// <summary>How names are written in their original script.</summary>
public static class PersonNames
{
    /// <summary>Chinese, Japanese and Korean names are written family name first without a space; others with one.</summary>
    public static string Original(string familyName, string givenName) =>
        familyName.Length > 0 && givenName.Length > 0 && IsCjk(familyName[^1]) && IsCjk(givenName[0])
            ? familyName + givenName
            : $"{familyName} {givenName}".Trim();

    public static bool IsCjk(char c) => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';
}
