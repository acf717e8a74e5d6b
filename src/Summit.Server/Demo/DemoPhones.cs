using PhoneNumbers;

namespace Summit.Server.Demo;

/// <summary>
/// Mobile numbers that exist for the guest's country: its example mobile number from libphonenumber's metadata with the last
/// digits drawn from the seed, kept only when the metadata calls the result a valid number of that country (a few tries, then
/// the example itself). No "+281" or "+364": every number dials into the right country.
/// </summary>
internal static class DemoPhones
{
    private const int VariedDigits = 4;
    private const int Tries = 20;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string For(string region, Random random)
    {
        var example = Util.GetExampleNumberForType(region, PhoneNumberType.MOBILE) ?? Util.GetExampleNumber(region)
            ?? throw new ArgumentException($"libphonenumber knows no numbers of region {region}.", nameof(region));
        var national = Util.GetNationalSignificantNumber(example);
        var kept = national[..Math.Max(1, national.Length - VariedDigits)];
        var varied = national.Length - kept.Length;
        for (var i = 0; i < Tries; i++)
        {
            var digits = kept + random.Next((int)Math.Pow(10, varied)).ToString($"D{varied}", System.Globalization.CultureInfo.InvariantCulture);
            var candidate = Util.Parse($"+{example.CountryCode}{digits}", region);
            if (Util.IsValidNumberForRegion(candidate, region))
            {
                return Util.Format(candidate, PhoneNumberFormat.INTERNATIONAL);
            }
        }

        return Util.Format(example, PhoneNumberFormat.INTERNATIONAL);
    }
}
