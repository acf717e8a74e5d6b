using System.Diagnostics.CodeAnalysis;
using Summit.Access.Core;
using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>A synced policy document and the decision's view of it.</summary>
internal sealed record GateSetup(GatePolicyDocument Document, AccessPolicy Policy, DateTimeOffset SyncedAt)
{
    public static bool TryCreate(GatePolicyDocument document, DateTimeOffset syncedAt, [NotNullWhen(true)] out GateSetup? setup, out string error)
    {
        try
        {
            setup = new GateSetup(document, document.ToAccessPolicy(), syncedAt);
            error = "";
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            setup = null;
            error = $"{e.GetType().Name}: {e.Message}";
            return false;
        }
    }
}
