using System.Collections.Frozen;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// The 30,000 most common passwords (common-passwords.txt, shipped in the assembly). A password is common when it, or the word
/// left after taking the digits and symbols off both ends ("Password2024!" is "password"), is on the list, whatever its case.
/// </summary>
public sealed class CommonPasswords
{
    /// <summary>Shorter cores ("abc" in "abc-9274-8812") say too little to refuse a long password for.</summary>
    private const int MinCoreLength = 4;

    private readonly FrozenSet<string> _passwords;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(typeof(CommonPasswords).Namespace + ".common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.Trim().ToLowerInvariant());
            }
        }

        _passwords = passwords.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _passwords.Count;

    public bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (_passwords.Contains(lower))
        {
            return true;
        }

        var core = lower.AsSpan().Trim(NotLetters(lower)).ToString();
        return core.Length >= MinCoreLength && _passwords.Contains(core);
    }

    private static char[] NotLetters(string text) => [.. text.Where(c => !char.IsLetter(c)).Distinct()];
}
