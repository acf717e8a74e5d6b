using System.Text.Json;
using Summit.Server.Infrastructure;

namespace Summit.Server.Demo.Live;

/// <summary>
/// Where the demo's live morning stands, kept in data/demo-live.json beside the database, so that a restart without --reset
/// carries on from there instead of playing the morning again (new fever holds, a full room pushed over once more).
/// </summary>
public sealed record DemoLiveState
{
    public const string FileName = "demo-live.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The demo event this state belongs to: a state left by an earlier demo (before a --reset) counts for nothing.</summary>
    public Guid EventId { get; init; }

    /// <summary>The VIP whose code the banner prints for the gate agent; the live morning never moves them.</summary>
    public Guid? ReservedGuestId { get; init; }

    /// <summary>
    /// The credential holders the morning was written for, and which of them had not arrived yet, when it first started: with the
    /// seed they give the same script again after a restart, although by then most of them have arrived. Null until it starts.
    /// </summary>
    public IReadOnlyList<Guid>? People { get; init; }

    public IReadOnlyList<Guid>? Arriving { get; init; }

    /// <summary>The guests the demo gave a face from the sample photos, for the morning's face scenes; null when it has no faces.</summary>
    public DemoFaceCast? Faces { get; init; }

    /// <summary>The number of the incident the gate operator opened for the lent badge, which the security officer resolves later.</summary>
    public string? LentBadgeIncident { get; init; }

    /// <summary>How far into the script (before acceleration) the morning was played; null before its first beat.</summary>
    public TimeSpan? PlayedUntil { get; init; }

    public static string PathIn(IConfiguration configuration) => Path.Combine(SummitHost.DataDirectory(configuration), FileName);

    /// <summary>The state of <paramref name="eventId"/>, or null when there is none (or it belongs to another event, or cannot be read).</summary>
    public static DemoLiveState? Load(string path, Guid eventId)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var state = JsonSerializer.Deserialize<DemoLiveState>(File.ReadAllText(path), Json);
            return state?.EventId == eventId ? state : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged file must not stop the server: the demo then starts a fresh morning for the guests not arrived yet.
            return null;
        }
    }

    /// <summary>Writes the state whole or not at all (a new file moved over the old one), so that a crash never leaves half a file.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
