namespace Summit.Server.Privacy.Contracts;

/// <summary>The text that replaces erased free text, so that a reader sees something was there.</summary>
public static class ErasedText
{
    public const string Marker = "[erased]";

    /// <summary>Replaces every mention of the name forms and the address in a text by the marker (case-insensitive); null stays null.</summary>
    public static string? Without(string? text, DataSubject subject)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var form in MentionForms(subject))
        {
            text = text.Replace(form, Marker, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    /// <summary>Whether the text mentions the person by a full name or the address.</summary>
    public static bool Mentions(string? text, DataSubject subject) =>
        !string.IsNullOrEmpty(text) && MentionForms(subject).Any(form => text.Contains(form, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Longest first, so that "Xiaoming WANG" is replaced before a shorter form inside it. Full names only (a Chinese one may
    /// have two characters); a lone family name would match other people.
    /// </summary>
    private static IEnumerable<string> MentionForms(DataSubject subject) =>
        subject.NameForms.Append(subject.Email).Where(f => f.Trim().Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(f => f.Length);
}
