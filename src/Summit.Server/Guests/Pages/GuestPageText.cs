using System.Globalization;
using System.Text.Json;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Localization;
using static Summit.Server.Components.Shared.PageText;

namespace Summit.Server.Guests.Pages;

/// <summary>
/// What the guest pages show of a guest: countries, languages, names in their own script, the audit log's changes, the edit form's
/// values and problems. The formatting every module's pages share (times, empty values) is the shell's <c>PageText</c>.
/// </summary>
public static class GuestPageText
{
    public static string CountryLabel(Country? country) =>
        country is null ? "" : $"{country.Name(CurrentLanguage)} ({country.Code})";

    /// <summary>Countries whose code, English or Chinese name contains the text; exact code matches first.</summary>
    public static IEnumerable<Country> SearchCountries(string? text)
    {
        var all = Countries.All.OrderBy(c => c.Name(CurrentLanguage), StringComparer.Create(CultureInfo.CurrentUICulture, true));
        if (string.IsNullOrWhiteSpace(text))
        {
            return all;
        }

        var term = text.Trim();
        return all.Where(c => c.Code.Equals(term, StringComparison.OrdinalIgnoreCase)
                || c.NameEn.Contains(term, StringComparison.OrdinalIgnoreCase)
                || c.NameZh.Contains(term, StringComparison.Ordinal))
            .OrderBy(c => c.Code.Equals(term, StringComparison.OrdinalIgnoreCase) ? 0 : 1);
    }

    public static string LanguageLabel(Localizer l, string language) => l[$"guestpages.language.{Localizer.NormalizeLanguage(language)}"];

    /// <summary>A name in its original script: Chinese, Japanese and Korean names are written without a space.</summary>
    public static string OriginalName(string familyName, string givenName) => PersonNames.Original(familyName, givenName);

    public static string ActionLabel(Localizer l, string action) =>
        l.Has($"guestpages.audit.{action}") ? l[$"guestpages.audit.{action}"] : action;

    /// <summary>Turns the JSON changes of an audit entry into "label: old → new" lines in the reader's language.</summary>
    public static IReadOnlyList<string> Changes(Localizer l, string? changesJson, IReadOnlyDictionary<Guid, string> categories,
        IReadOnlyDictionary<Guid, string> delegations, TimeZoneInfo zone)
    {
        if (string.IsNullOrEmpty(changesJson))
        {
            return [];
        }

        using var document = JsonDocument.Parse(changesJson);
        var lines = new List<string>();
        foreach (var change in document.RootElement.EnumerateObject())
        {
            var old = ValueOf(l, change.Name, Text(change.Value, "old"), categories, delegations, zone);
            var @new = ValueOf(l, change.Name, Text(change.Value, "new"), categories, delegations, zone);
            lines.Add($"{FieldLabel(l, change.Name)}: {old} → {@new}");
        }

        return lines;
    }

    private static string? Text(JsonElement change, string property) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string FieldLabel(Localizer l, string field)
    {
        var key = field switch
        {
            "categoryId" => "field.category",
            "delegationId" => "field.delegation",
            "passport" => "field.passportNumber",
            "statusReason" => "field.reason",
            "messageToGuest" => "guestpages.reject.shared_reason",
            "dataConsent" => "guestpages.consent.data",
            "faceConsent" => "guestpages.consent.face",
            _ => "field." + field,
        };
        return l.Has(key) ? l[key] : field;
    }

    private static string ValueOf(Localizer l, string field, string? value, IReadOnlyDictionary<Guid, string> categories,
        IReadOnlyDictionary<Guid, string> delegations, TimeZoneInfo zone)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        var enumType = field switch
        {
            "status" => nameof(GuestStatus),
            "gender" => nameof(Gender),
            "organisationType" => nameof(OrganisationType),
            "participationMode" => nameof(ParticipationMode),
            _ => null,
        };
        if (enumType is not null && l.Has($"enum.{enumType}.{value}"))
        {
            return l[$"enum.{enumType}.{value}"];
        }

        if (Guid.TryParse(value, out var id))
        {
            if (field == "categoryId" && categories.TryGetValue(id, out var code))
            {
                return code;
            }

            if (field == "delegationId" && delegations.TryGetValue(id, out var name))
            {
                return name;
            }
        }

        if (bool.TryParse(value, out var yes))
        {
            return l[yes ? "guestpages.yes" : "guestpages.no"];
        }

        // Moments are stored as text by the audit log; show them like every other time on the page.
        if (field.EndsWith("Consent", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return Time(at, zone);
        }

        return field switch
        {
            "language" => LanguageLabel(l, value),
            "country" => Countries.NameOf(value, CurrentLanguage),
            _ => value,
        };
    }

    /// <summary>The edit form's starting values: the stored record, with the passport left out (null keeps it).</summary>
    public static GuestInput ToInput(Summit.Server.Guests.GuestDetail g) => new()
    {
        FamilyName = g.FamilyName,
        GivenName = g.GivenName,
        FamilyNameLatin = g.FamilyNameLatin,
        GivenNameLatin = g.GivenNameLatin,
        Title = g.Title,
        Gender = g.Gender?.ToString(),
        Organisation = g.Organisation,
        OrganisationType = g.OrganisationType.ToString(),
        Position = g.Position,
        Country = g.CountryCode,
        Delegation = g.DelegationName,
        Email = g.Email,
        Phone = g.Phone,
        Language = Localizer.NormalizeLanguage(g.Language),
        ParticipationMode = g.ParticipationMode.ToString(),
        Category = g.CategoryCode,
    };

    /// <summary>
    /// The field problems of a refused guest form, keyed by field (the shell's <c>PageText.ProblemsByField</c>); a duplicate e-mail or
    /// passport found in the database counts for its field too.
    /// </summary>
    public static Dictionary<string, string> GuestFormProblems(SummitException ex, Localizer l)
    {
        var problems = ProblemsByField(ex, l);
        if (ex.Error.Code == GuestErrors.GuestEmailDuplicate)
        {
            problems["email"] = ex.Error.Message(l);
        }
        else if (ex.Error.Code == GuestErrors.GuestPassportDuplicate)
        {
            problems["passportNumber"] = ex.Error.Message(l);
        }

        return problems;
    }
}
