namespace Summit.Tests.Screening;

/// <summary>The documented Mosquitto, read by several Summit processes through one shared subscription, out-of-order commits allowed for.</summary>
public sealed class SharedMosquittoFactory : MosquittoFactory
{
    public const string Group = "summit";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Summit:Mqtt:SharedGroup"] = Group,
        ["Summit:Screening:ReorderWindow"] = "1000",
    };
}
