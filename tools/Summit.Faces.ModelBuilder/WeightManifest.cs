using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;

namespace Summit.Faces.ModelBuilder;

/// <summary>
/// The weights of one face-api model, read from its TensorFlow.js weight manifest and the binary shards it names.
/// Quantized weights are expanded exactly as TensorFlow.js does when it loads them (value = q * scale + min, computed
/// in double precision and stored as float32), so that the ONNX graph computes with the reference's numbers.
/// </summary>
internal sealed class WeightManifest
{
    private readonly Dictionary<string, Weight> _weights;
    private readonly HashSet<string> _taken = [];

    private WeightManifest(string modelName, Dictionary<string, Weight> weights, string sourceSha256)
    {
        ModelName = modelName;
        _weights = weights;
        SourceSha256 = sourceSha256;
    }

    public string ModelName { get; }

    /// <summary>SHA-256 of the manifest followed by its shards, as read: names the exact source of a built graph.</summary>
    public string SourceSha256 { get; }

    public static WeightManifest Load(string modelDirectory, string modelName)
    {
        var manifestPath = Path.Combine(modelDirectory, modelName + "-weights_manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new ModelBuildException($"{manifestPath} not found: is this the model folder of @vladmandic/face-api?");
        }

        var manifestBytes = File.ReadAllBytes(manifestPath);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(manifestBytes);
        var groups = JsonSerializer.Deserialize<List<ManifestGroup>>(manifestBytes, JsonOptions)
            ?? throw new ModelBuildException($"{manifestPath} is empty");

        var weights = new Dictionary<string, Weight>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var data = new List<byte>();
            foreach (var shard in group.Paths)
            {
                // Shard names come from the manifest: accept plain file names only, never a path out of the folder.
                if (shard != Path.GetFileName(shard))
                {
                    throw new ModelBuildException($"{manifestPath} names a shard outside its folder: {shard}");
                }

                var bytes = File.ReadAllBytes(Path.Combine(modelDirectory, shard));
                hash.AppendData(bytes);
                data.AddRange(bytes);
            }

            var offset = 0;
            var all = data.ToArray();
            foreach (var spec in group.Weights)
            {
                var weight = Decode(spec, all, ref offset, manifestPath);
                if (!weights.TryAdd(weight.Name, weight))
                {
                    throw new ModelBuildException($"{manifestPath} defines {weight.Name} twice");
                }
            }

            if (offset != all.Length)
            {
                throw new ModelBuildException($"{manifestPath}: the shards hold {all.Length} bytes but the weights use {offset}");
            }
        }

        return new WeightManifest(modelName, weights, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Takes a weight for the graph and checks its shape; every weight must be taken exactly once.</summary>
    public Weight Take(string name, params int[] expectedShape)
    {
        if (!_weights.TryGetValue(name, out var weight))
        {
            throw new ModelBuildException($"{ModelName}: weight {name} is missing");
        }

        if (!weight.Shape.SequenceEqual(expectedShape))
        {
            throw new ModelBuildException(
                $"{ModelName}: {name} has shape [{string.Join(", ", weight.Shape)}], expected [{string.Join(", ", expectedShape)}]");
        }

        if (!_taken.Add(name))
        {
            throw new ModelBuildException($"{ModelName}: weight {name} used twice");
        }

        return weight;
    }

    /// <summary>A weight the graph did not use means the graph does not match the model: refuse rather than guess.</summary>
    public void EnsureAllTaken()
    {
        var left = _weights.Keys.Where(name => !_taken.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (left.Count > 0)
        {
            throw new ModelBuildException($"{ModelName}: weights not used by the graph: {string.Join(", ", left)}");
        }
    }

    private static Weight Decode(ManifestWeight spec, byte[] data, ref int offset, string manifestPath)
    {
        if (spec.Dtype != "float32")
        {
            throw new ModelBuildException($"{manifestPath}: {spec.Name} has dtype {spec.Dtype}; only float32 weights are supported");
        }

        long count = 1;
        foreach (var dim in spec.Shape)
        {
            count *= dim > 0 ? dim : throw new ModelBuildException($"{manifestPath}: {spec.Name} has a dimension {dim}");
        }

        var values = new float[count];
        var quantization = spec.Quantization;
        var bytesPerValue = quantization?.Dtype switch
        {
            null => 4,
            "uint8" => 1,
            "uint16" => 2,
            var other => throw new ModelBuildException($"{manifestPath}: {spec.Name} is quantized as {other}, which is not supported"),
        };
        if (data.Length - offset < count * bytesPerValue)
        {
            throw new ModelBuildException($"{manifestPath}: the shards end inside {spec.Name}");
        }

        var span = data.AsSpan(offset, (int)(count * bytesPerValue));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = bytesPerValue switch
            {
                4 => BinaryPrimitives.ReadSingleLittleEndian(span.Slice(i * 4, 4)),
                // TensorFlow.js: values[i] = v * scale + min in JavaScript numbers (double), stored into a Float32Array.
                1 => (float)((span[i] * quantization!.Scale) + quantization.Min),
                _ => (float)((BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(i * 2, 2)) * quantization!.Scale) + quantization.Min),
            };
        }

        offset += span.Length;
        return new Weight(spec.Name, spec.Shape, values);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record ManifestGroup(List<string> Paths, List<ManifestWeight> Weights);

    private sealed record ManifestWeight(string Name, int[] Shape, string Dtype, ManifestQuantization? Quantization);

    private sealed record ManifestQuantization(string Dtype, double Scale, double Min);
}
