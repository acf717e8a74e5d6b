namespace Summit.Server.Operations.Dashboard;

/// <summary>A gate's traffic over the last few minutes, and its rate per minute.</summary>
public sealed record GateRate(Guid GateId, string Code, string NameEn, string NameZh, bool IsOpen, int Entries, int Exits, int Refusals, int Minutes)
{
    public double EntriesPerMinute => Minutes <= 0 ? 0 : (double)Entries / Minutes;

    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}
