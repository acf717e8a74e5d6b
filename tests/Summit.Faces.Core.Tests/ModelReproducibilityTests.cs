using System.Security.Cryptography;
using Summit.Faces.ModelBuilder;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// The committed ONNX models are what tools/Summit.Faces.ModelBuilder makes of the npm package's weights, byte for byte:
/// anyone can rebuild them and get the same files, and a model changed by hand (or by a converter change that was not
/// followed by a rebuild) fails here.
/// </summary>
public sealed class ModelReproducibilityTests
{
    [Fact]
    public void A_rebuild_from_the_npm_package_gives_the_committed_models_and_their_checksums()
    {
        var built = FaceApiModels.Build(FaceApiPackage.ModelDirectory);

        Assert.Equal(FaceModels.Files.Order(StringComparer.Ordinal), built.Select(model => model.FileName).Order(StringComparer.Ordinal));
        foreach (var model in built)
        {
            Assert.Equal(FaceModels.Sha256[model.FileName], Convert.ToHexStringLower(SHA256.HashData(model.Bytes)));
            Assert.True(model.Bytes.AsSpan().SequenceEqual(FaceModels.Read(model.FileName)), $"{model.FileName} differs from its rebuild");
        }
    }

    [Fact]
    public void A_model_whose_bytes_do_not_match_its_checksum_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FaceModels.Read("face_recognition.onnx.bak"));
        Assert.Equal(3, FaceModels.Sha256.Count);
        Assert.All(FaceModels.Sha256.Values, sum => Assert.Matches("^[0-9a-f]{64}$", sum));
    }
}
