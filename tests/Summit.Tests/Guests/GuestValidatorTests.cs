using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Tests.Guests;

public class GuestValidatorTests
{
    private static readonly Localizer Localizer = new();

    private static readonly GuestReferenceData Reference = new(
        new Dictionary<string, AccreditationCategory>(StringComparer.OrdinalIgnoreCase) { ["Delegate"] = new() { Code = "Delegate" } },
        new Dictionary<string, Delegation>(StringComparer.OrdinalIgnoreCase) { ["Delegation of Kazakhstan"] = new() { Name = "Delegation of Kazakhstan" } });

    [Fact]
    public void A_name_in_latin_script_is_its_own_latin_form()
    {
        var guest = Valid(i => (i.FamilyName, i.GivenName, i.FamilyNameLatin, i.GivenNameLatin) = ("Müller", "Jörg", null, null));
        Assert.Equal(("Müller", "Jörg"), (guest.FamilyNameLatin, guest.GivenNameLatin));

        var vietnamese = Valid(i => (i.FamilyName, i.GivenName, i.FamilyNameLatin, i.GivenNameLatin) = ("Nguyễn", "Thị", null, null));
        Assert.Equal(("Nguyễn", "Thị"), (vietnamese.FamilyNameLatin, vietnamese.GivenNameLatin));
    }

    [Fact]
    public void A_given_latin_form_is_kept()
    {
        var guest = Valid(i => (i.FamilyName, i.FamilyNameLatin) = ("Muller", "MUELLER"));
        Assert.Equal("MUELLER", guest.FamilyNameLatin);
    }

    [Theory]
    [InlineData("王", "小明")]
    [InlineData("Достоевский", "Фёдор")]
    [InlineData("عبد الله", "محمد")]
    public void A_name_in_another_script_needs_a_latin_form(string family, string given)
    {
        var problems = Problems(i => (i.FamilyName, i.GivenName, i.FamilyNameLatin, i.GivenNameLatin) = (family, given, null, null));
        var problem = Assert.Single(problems);
        Assert.Equal(("familyNameLatin", ErrorCodes.FieldRequired), (problem.Field, problem.Code));
        Assert.Equal("Family name (Latin) is required.", problem.Message);
    }

    [Theory]
    [InlineData("in person")]
    [InlineData("in_person")]
    [InlineData("InPerson")]
    [InlineData("IN-PERSON")]
    [InlineData(" inperson ")]
    public void Participation_is_read_in_any_spelling(string typed) =>
        Assert.Equal(ParticipationMode.InPerson, Valid(i => i.ParticipationMode = typed).ParticipationMode);

    [Theory]
    [InlineData("think tank", OrganisationType.ThinkTank)]
    [InlineData("International Organization", OrganisationType.InternationalOrganization)]
    [InlineData("research_institute", OrganisationType.ResearchInstitute)]
    [InlineData("MEDIA", OrganisationType.Media)]
    public void Organisation_type_is_read_in_any_spelling(string typed, OrganisationType expected) =>
        Assert.Equal(expected, Valid(i => i.OrganisationType = typed).OrganisationType);

    [Theory]
    [InlineData("1")]
    [InlineData("by pigeon")]
    [InlineData("in person please")]
    public void An_unknown_participation_is_refused(string typed) =>
        Assert.Equal(GuestErrors.ParticipationModeUnknown, Assert.Single(Problems(i => i.ParticipationMode = typed)).Code);

    [Fact]
    public void Enum_parsing_refuses_numbers_and_blanks()
    {
        Assert.Null(GuestValidator.ParseEnum<GuestStatus>("3"));
        Assert.Null(GuestValidator.ParseEnum<GuestStatus>(" "));
        Assert.Equal(GuestStatus.Approved, GuestValidator.ParseEnum<GuestStatus>("approved"));
    }

    [Theory]
    [InlineData("CN")]
    [InlineData("cn")]
    [InlineData("China")]
    [InlineData("中国")]
    public void The_country_is_found_by_code_or_english_or_chinese_name(string typed) =>
        Assert.Equal("CN", Valid(i => i.Country = typed).CountryCode);

    [Fact]
    public void An_unknown_country_is_refused_with_its_value()
    {
        var problem = Assert.Single(Problems(i => i.Country = "Atlantis"));
        Assert.Equal(("country", GuestErrors.CountryUnknown), (problem.Field, problem.Code));
        Assert.Contains("Atlantis", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.b@example.org")]
    [InlineData("wang.xiaoming+summit@zju.edu.cn")]
    public void A_valid_email_passes(string email) => Assert.True(GuestValidator.IsValidEmail(email));

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.org")]
    [InlineData("a@localhost")]
    [InlineData("a@example.org.")]
    [InlineData("Wang <a@example.org>")]
    [InlineData("a b@example.org")]
    public void An_invalid_email_is_refused(string email)
    {
        Assert.False(GuestValidator.IsValidEmail(email));
        var problem = Assert.Single(Problems(i => i.Email = email));
        Assert.Equal(("email", GuestErrors.EmailInvalid), (problem.Field, problem.Code));
    }

    [Fact]
    public void Each_missing_field_is_named()
    {
        var problems = GuestValidator.Validate(new GuestInput(), Reference, Localizer).Problems;
        Assert.Equal(
            ["category", "country", "email", "familyName", "organisation", "organisationType"],
            problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal(ErrorCodes.FieldRequired, p.Code));
    }

    [Fact]
    public void Values_are_trimmed_and_the_language_normalized()
    {
        var guest = Valid(i => (i.FamilyName, i.Organisation, i.Language, i.Category, i.Delegation) = ("  Müller ", " ZJU ", "zh", "delegate", "delegation of kazakhstan"));
        Assert.Equal(("Müller", "ZJU", "zh-Hans", "Delegate", "Delegation of Kazakhstan"),
            (guest.FamilyName, guest.Organisation, guest.Language, guest.Category.Code, guest.Delegation?.Name));
    }

    [Fact]
    public void Too_long_values_are_refused_with_the_limit()
    {
        var problem = Assert.Single(Problems(i => i.Organisation = new string('x', 201)));
        Assert.Equal(("organisation", ErrorCodes.FieldTooLong), (problem.Field, problem.Code));
        Assert.Contains("200", problem.Message, StringComparison.Ordinal);
    }

    private static GuestInput Input() => new()
    {
        FamilyName = "王",
        GivenName = "小明",
        FamilyNameLatin = "Wang",
        GivenNameLatin = "Xiaoming",
        Organisation = "Zhejiang University",
        OrganisationType = "University",
        Country = "CN",
        Email = "wang@example.org",
        ParticipationMode = "InPerson",
        Category = "Delegate",
    };

    private static ValidGuest Valid(Action<GuestInput> change)
    {
        var input = Input();
        change(input);
        var (guest, problems) = GuestValidator.Validate(input, Reference, Localizer);
        Assert.Empty(problems);
        return guest!;
    }

    private static List<FieldProblem> Problems(Action<GuestInput> change)
    {
        var input = Input();
        change(input);
        var (guest, problems) = GuestValidator.Validate(input, Reference, Localizer);
        Assert.Null(guest);
        return problems;
    }
}
