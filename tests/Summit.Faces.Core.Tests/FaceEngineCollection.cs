namespace Summit.Faces.Core.Tests;

[CollectionDefinition(Name)]
public sealed class FaceEngineCollection : ICollectionFixture<FaceEngineFixture>
{
    public const string Name = "face engine";
}
