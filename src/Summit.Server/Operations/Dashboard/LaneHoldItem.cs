namespace Summit.Server.Operations.Dashboard;

/// <summary>A lane that refuses every scan until a security officer clears it (a fever reading at its gate).</summary>
public sealed record LaneHoldItem(Guid GateId, string GateCode, string GateNameEn, string GateNameZh, DateTimeOffset Since, double? Celsius)
{
    public string GateName(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? GateNameZh : GateNameEn;
}
