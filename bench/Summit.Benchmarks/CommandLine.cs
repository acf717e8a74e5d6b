using System.Globalization;

namespace Summit.Benchmarks;

/// <summary>Options and HTTP answers of the bench commands that are not BenchmarkDotNet's (fuzz, latency, sensor-load, hold-latency).</summary>
public static class CommandLine
{
    public static int Int(string[] args, string name, int defaultValue)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return defaultValue;
        }
        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new ArgumentException($"{name} needs a whole number, not '{(index + 1 < args.Length ? args[index + 1] : "")}'.");
        }
        return value;
    }

    public static string Text(string[] args, string name, string defaultValue)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : defaultValue;
    }

    /// <summary>The body of a successful answer; anything else stops the command with the status and the body.</summary>
    public static async Task<T> OkAsync<T>(HttpResponseMessage response, System.Text.Json.JsonSerializerOptions json)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, json))!;
    }
}
