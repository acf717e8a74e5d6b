namespace Summit.Faces.Core.Tests;

/// <summary>One engine and the decoded sample photos, shared by the tests that need them (loading takes a moment).</summary>
public sealed class FaceEngineFixture : IDisposable
{
    private readonly Dictionary<string, FaceImage> _photos = [];
    private readonly Lock _lock = new();

    public FaceEngine Engine { get; } = FaceEngine.Load();

    /// <summary>A sample photo of the npm package by file name (sample1.jpg...), decoded once.</summary>
    public FaceImage Photo(string name)
    {
        lock (_lock)
        {
            if (!_photos.TryGetValue(name, out var image))
            {
                image = FaceImage.Decode(File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", name)));
                _photos[name] = image;
            }

            return image;
        }
    }

    public void Dispose() => Engine.Dispose();
}

[CollectionDefinition(Name)]
public sealed class FaceEngineCollection : ICollectionFixture<FaceEngineFixture>
{
    public const string Name = "face engine";
}
