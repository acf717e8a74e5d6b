using System.Globalization;
using System.Text.Json;

namespace Summit.GateAgent;

/// <summary>
/// JSON files in the data folder, replaced atomically: written to a temporary file, flushed to disk, then renamed over the old
/// one, so a power cut leaves either the old or the new file, never half of one. A file that cannot be read is moved aside
/// (kept for inspection) and reported, never silently ignored.
/// </summary>
public sealed class LocalCache(string directory, TimeProvider time)
{
    public const string PolicyFile = "policy.json";
    public const string PresenceFile = "presence.json";
    public const string DeviceFile = "device.json";
    public const string HoldsFile = "holds.json";
    public const string FacesFile = "faces.json";

    public string PathOf(string file) => Path.Combine(directory, file);

    public void Save<T>(string file, T value)
    {
        var path = PathOf(file);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, value, AgentJson.Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a file; a missing file is no value and no problem.</summary>
    public CacheRead<T> Load<T>(string file) where T : class
    {
        var path = PathOf(file);
        if (!File.Exists(path))
        {
            return new(null, null);
        }
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, AgentJson.Options) is { } value
                ? new(value, null)
                : new(null, Quarantine(path, "the file holds null"));
        }
        catch (JsonException e)
        {
            return new(null, Quarantine(path, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, $"{path} cannot be read: {e.Message}");
        }
    }

    /// <summary>Deletes a file (personal data no longer wanted); false when it could not be.</summary>
    public bool Delete(string file)
    {
        try
        {
            File.Delete(PathOf(file));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Moves a file that cannot be used out of the way; returns the message that reports it.</summary>
    public string MoveAside(string file, string reason) => Quarantine(PathOf(file), reason);

    private string Quarantine(string path, string reason)
    {
        var aside = $"{path}.unreadable-{time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        try
        {
            File.Move(path, aside, overwrite: true);
            return $"{path} is unreadable ({reason}); it was moved to {aside}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path} is unreadable ({reason}), and could not be moved aside: {e.Message}";
        }
    }
}
