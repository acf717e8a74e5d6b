using System.Reflection;
using Summit.Access.Core;
using Summit.Server;
using Summit.Server.Access;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Privacy.Contracts;

namespace Summit.Tests.Infrastructure;

public class LocalizationTests
{
    private readonly Localizer _localizer = new();

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        var english = _localizer.Keys(Localizer.English).ToHashSet();
        var chinese = _localizer.Keys(Localizer.Chinese).ToHashSet();
        Assert.Empty(english.Except(chinese));
        Assert.Empty(chinese.Except(english));
    }

    [Fact]
    public void Every_reason_code_has_a_message_in_both_languages()
    {
        // The shared ErrorCodes and each module's own <Module>Errors (docs/architecture/module-anatomy.md).
        var lists = typeof(ErrorCodes).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && (t.Name == nameof(ErrorCodes) || t.Name.EndsWith("Errors", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(typeof(GuestErrors), lists);
        Assert.Contains(typeof(AccessErrors), lists);
        var codes = lists.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name} = {f.GetValue(null)}").ToList();
        Assert.True(codes.Count > 150, $"Only {codes.Count} reason codes found.");
        var missing = codes.Where(code => !_localizer.Has("error." + code[(code.IndexOf(" = ", StringComparison.Ordinal) + 3)..])).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Gate_verdict_texts_come_from_the_catalog_the_gate_agent_reads_and_from_nowhere_else()
    {
        foreach (var reason in Enum.GetValues<ReasonCode>())
        {
            var shared = GateVerdictTexts.For(reason);
            Assert.Equal((shared.En, shared.Zh), (_localizer.Get(Localizer.English, $"verdict.{reason}"), _localizer.Get(Localizer.Chinese, $"verdict.{reason}")));
        }
        var assembly = typeof(Localizer).Assembly;
        var defined = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal) && n.Contains(".Localization.", StringComparison.Ordinal))
            .SelectMany(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.Keys.Select(key => $"{n}: {key}");
            })
            .Where(entry => entry.Contains(": verdict.", StringComparison.Ordinal));
        Assert.Empty(defined);
    }

    [Fact]
    public void Every_module_holding_personal_data_names_its_area_in_both_languages()
    {
        // The privacy pages title each module's section with privacy.area.{Area}; a missing key shows the raw area name (a Chinese page
        // once said "programme").
        var areas = typeof(IPersonalDataHolder).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IPersonalDataHolder)))
            .Select(t => t.GetField("AreaName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? t.Name)
            .ToList();
        Assert.True(areas.Count >= 8, $"Only {areas.Count} personal data holders found.");
        var missing = areas.Where(area => !_localizer.Has($"privacy.area.{area}")).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(typeof(GuestStatus))]
    [InlineData(typeof(Gender))]
    [InlineData(typeof(OrganisationType))]
    [InlineData(typeof(ParticipationMode))]
    public void Every_enum_value_has_a_label(Type enumType)
    {
        var missing = Enum.GetNames(enumType).Where(name => !_localizer.Has($"enum.{enumType.Name}.{name}")).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Chinese_text_differs_from_English()
    {
        Assert.Equal("嘉宾", _localizer.Get(Localizer.Chinese, "nav.guests"));
        Assert.Equal("Guests", _localizer.Get(Localizer.English, "nav.guests"));
    }

    [Fact]
    public void Enum_arguments_are_translated_into_the_message_language()
    {
        var message = _localizer.Format(Localizer.Chinese, "error.status.transition_illegal", GuestStatus.Invited, GuestStatus.Arrived);
        Assert.Equal("嘉宾不能从“已邀请”变更为“已到达”。", message);
    }

    [Fact]
    public void Placeholders_are_consistent_between_languages()
    {
        foreach (var key in _localizer.Keys(Localizer.English))
        {
            var en = Placeholders(_localizer.Get(Localizer.English, key));
            var zh = Placeholders(_localizer.Get(Localizer.Chinese, key));
            Assert.True(en.SetEquals(zh), $"{key}: {string.Join(",", en)} vs {string.Join(",", zh)}");
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).ToHashSet();

    [Fact]
    public void MudBlazor_texts_come_from_the_catalogs_and_fall_back_to_English_when_absent()
    {
        var mud = new MudTextLocalizer(_localizer);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hans");
            Assert.Equal("下一页", mud["MudTablePager_NextPage"].Value);
            Assert.True(mud["MudCarousel_Next"].ResourceNotFound);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
