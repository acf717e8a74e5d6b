using System.Globalization;

namespace Summit.Server.Guests.Domain;

/// <summary>
/// The guest search: every word a person might type (any name form, organisation, email) becomes a term, and a
/// search word matches the terms it begins. A prefix is a range on an ordered index, so the search reads only
/// the matching rows at 100,000 guests, where a LIKE '%word%' would read them all. Chinese, Japanese and Korean
/// text has no spaces, so each of its suffixes is a term too ("浙江大学" is also found by "大学").
/// </summary>
public static class GuestSearch
{
    public const int MaxTermLength = 100;
    public const int MaxWords = 5;

    /// <summary>The highest code point: as an upper bound, every string that begins with the prefix sorts below it.</summary>
    private const string AfterEverything = "\U0010FFFF";

    // A search is split into words on white space only, so "al-hassan" and an email stay whole; a stored text is
    // split on white space, and each word is kept both whole and in its parts ("al-hassan", "al", "hassan").
    private static readonly char[] WordSeparators = [' ', '\t', '\n', ',', '，', '、'];
    private static readonly char[] PartSeparators = ['.', '(', ')', '-', '\'', '/', '&', '"', '·', '（', '）', '@', '_'];

    public static HashSet<string> TermsOf(Guest guest)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { guest.FamilyName, guest.GivenName, guest.FamilyNameLatin, guest.GivenNameLatin, guest.Organisation })
        {
            AddWords(terms, text);
        }

        // Names as written together: 王小明, and "wangxiaoming" for people who type pinyin without a space.
        AddWords(terms, guest.FamilyName + guest.GivenName);
        AddWords(terms, guest.GivenName + guest.FamilyName);
        AddTerm(terms, Normalize(guest.FamilyNameLatin + guest.GivenNameLatin).Replace(" ", "", StringComparison.Ordinal));
        AddTerm(terms, Normalize(guest.GivenNameLatin + guest.FamilyNameLatin).Replace(" ", "", StringComparison.Ordinal));

        var email = Normalize(guest.Email);
        AddWords(terms, email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            AddTerm(terms, email[(at + 1)..]);
        }

        return terms;
    }

    /// <summary>The words of a search as typed: lower-cased, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> WordsOf(string search) =>
        [.. Normalize(search).Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxWords)
            .Select(w => w.Length > MaxTermLength ? w[..MaxTermLength] : w)];

    /// <summary>The index range of terms that begin with the word: [word, word + the highest code point).</summary>
    public static (string From, string Before) RangeOf(string word) => (word, word + AfterEverything);

    public static string Normalize(string? text) => (text ?? "").Trim().ToLower(CultureInfo.InvariantCulture).Normalize();

    private static void AddWords(HashSet<string> terms, string? text)
    {
        foreach (var word in Normalize(text).Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddWithSuffixes(terms, word);
            foreach (var part in word.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddWithSuffixes(terms, part);
            }
        }
    }

    private static void AddWithSuffixes(HashSet<string> terms, string word)
    {
        AddTerm(terms, word);
        if (word.Any(PersonNames.IsCjk))
        {
            for (var start = 1; start < word.Length && start < 12; start++)
            {
                AddTerm(terms, word[start..]);
            }
        }
    }

    private static void AddTerm(HashSet<string> terms, string term)
    {
        if (term.Length > 0)
        {
            terms.Add(term.Length > MaxTermLength ? term[..MaxTermLength] : term);
        }
    }

}
