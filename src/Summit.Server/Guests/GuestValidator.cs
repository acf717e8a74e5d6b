using System.Net.Mail;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Guests;

/// <summary>One set of rules for guest data, shared by the staff form, the API, the portal and the import.</summary>
public static class GuestValidator
{
    public static (ValidGuest? Guest, List<FieldProblem> Problems) Validate(GuestInput input, GuestReferenceData reference, Localizer localizer)
    {
        var problems = new List<FieldProblem>();
        void Problem(string field, string code, params object[] args) =>
            problems.Add(new FieldProblem(field, code, localizer.Format("error." + code, [localizer[$"field.{field}"], .. args])));

        string Required(string field, string? value, int max)
        {
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                Problem(field, ErrorCodes.FieldRequired);
            }
            else if (trimmed.Length > max)
            {
                Problem(field, ErrorCodes.FieldTooLong, max);
            }

            return trimmed;
        }

        string? Optional(string field, string? value, int max)
        {
            var trimmed = value?.Trim();
            if (trimmed is { Length: > 0 } && trimmed.Length > max)
            {
                Problem(field, ErrorCodes.FieldTooLong, max);
            }

            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }

        var familyName = Required("familyName", input.FamilyName, 100);
        var givenName = Optional("givenName", input.GivenName, 100) ?? "";
        var familyLatin = Optional("familyNameLatin", input.FamilyNameLatin, 100);
        var givenLatin = Optional("givenNameLatin", input.GivenNameLatin, 100);
        // A name already in Latin script is its own Latin form.
        if (familyLatin is null && IsLatin(familyName))
        {
            familyLatin = familyName;
            givenLatin ??= IsLatin(givenName) ? givenName : null;
        }

        if (familyLatin is null)
        {
            Problem("familyNameLatin", ErrorCodes.FieldRequired);
        }

        var title = Optional("title", input.Title, 50);
        var organisation = Required("organisation", input.Organisation, 200);
        var position = Optional("position", input.Position, 200);
        var phone = Optional("phone", input.Phone, 40);

        Gender? gender = null;
        if (!string.IsNullOrWhiteSpace(input.Gender))
        {
            if (ParseEnum<Gender>(input.Gender) is { } g)
            {
                gender = g;
            }
            else
            {
                Problem("gender", GuestErrors.GenderUnknown, input.Gender);
            }
        }

        var organisationType = ParseEnum<OrganisationType>(input.OrganisationType);
        if (organisationType is null)
        {
            Problem("organisationType", string.IsNullOrWhiteSpace(input.OrganisationType) ? ErrorCodes.FieldRequired : GuestErrors.OrganisationTypeUnknown, input.OrganisationType);
        }

        var mode = ParseEnum<ParticipationMode>(input.ParticipationMode);
        if (mode is null)
        {
            Problem("participationMode", GuestErrors.ParticipationModeUnknown, input.ParticipationMode);
        }

        var email = Required("email", input.Email, 254);
        if (email.Length > 0 && !IsValidEmail(email))
        {
            Problem("email", GuestErrors.EmailInvalid, email);
        }

        var country = Countries.Find(input.Country);
        if (string.IsNullOrWhiteSpace(input.Country))
        {
            Problem("country", ErrorCodes.FieldRequired);
        }
        else if (country is null)
        {
            Problem("country", GuestErrors.CountryUnknown, input.Country);
        }

        reference.CategoriesByCode.TryGetValue(input.Category?.Trim() ?? "", out var category);
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            Problem("category", ErrorCodes.FieldRequired);
        }
        else if (category is null)
        {
            Problem("category", GuestErrors.CategoryUnknown, input.Category);
        }

        Delegation? delegation = null;
        if (!string.IsNullOrWhiteSpace(input.Delegation) && !reference.DelegationsByName.TryGetValue(input.Delegation.Trim(), out delegation))
        {
            Problem("delegation", GuestErrors.DelegationUnknown, input.Delegation);
        }

        var language = string.IsNullOrWhiteSpace(input.Language) ? Localizer.English : input.Language.Trim();
        if (!Localizer.IsSupported(language) && !language.Equals("zh", StringComparison.OrdinalIgnoreCase))
        {
            Problem("language", GuestErrors.LanguageUnknown, language);
        }

        var passport = input.PassportNumber?.Trim();
        if (passport is { Length: > 40 })
        {
            Problem("passportNumber", ErrorCodes.FieldTooLong, 40);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new ValidGuest(familyName, givenName, familyLatin!, givenLatin ?? "", title, gender, organisation,
            organisationType!.Value, position, country!.Code, delegation, email, phone, Localizer.NormalizeLanguage(language),
            mode!.Value, category!, passport), problems);
    }

    public static bool IsValidEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal)
        && !email.EndsWith('.');

    // Latin letters live in Basic Latin to Latin Extended-B and in Latin Extended Additional (Vietnamese: Nguyễn).
    private static bool IsLatin(string value) => value.All(c => c < 0x0250 || c is >= '\u1E00' and <= '\u1EFF' || !char.IsLetter(c));

    /// <summary>Accepts the enum name in any case, with or without separators ("in person", "in_person", "InPerson").</summary>
    public static TEnum? ParseEnum<TEnum>(string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var compact = new string(value.Where(char.IsLetterOrDigit).ToArray());
        return System.Enum.TryParse<TEnum>(compact, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !compact.All(char.IsDigit)
            ? parsed
            : null;
    }
}
