using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Summit.GateAgent;

/// <summary>The JSON of the device contract (camelCase, enums as strings), strict on reading: a missing or null member that the
/// contract does not allow fails the whole document instead of deciding with half a policy.</summary>
public static class AgentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // Chinese texts stay readable in answers and cache files; characters that matter to HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
