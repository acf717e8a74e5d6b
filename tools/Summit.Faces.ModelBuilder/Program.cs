using System.Security.Cryptography;
using Summit.Faces.ModelBuilder;

// Builds Summit's ONNX face models from the weights of the npm package @vladmandic/face-api.
//   npm pack @vladmandic/face-api@1.7.15 && tar xzf vladmandic-face-api-1.7.15.tgz
//   dotnet run --project tools/Summit.Faces.ModelBuilder -- package/model src/Summit.Faces.Core/Models
// The same weights always give the same bytes; tests/Summit.Faces.Core.Tests checks the committed files against a rebuild.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Summit.Faces.ModelBuilder <face-api model folder> <output folder>");
    return 2;
}

try
{
    Directory.CreateDirectory(args[1]);
    foreach (var model in FaceApiModels.Build(args[0]))
    {
        File.WriteAllBytes(Path.Combine(args[1], model.FileName), model.Bytes);
        Console.WriteLine($"{Convert.ToHexStringLower(SHA256.HashData(model.Bytes))}  {model.FileName}  ({model.Bytes.Length:N0} bytes, from {model.SourceModel})");
    }

    return 0;
}
catch (Exception e) when (e is ModelBuildException or IOException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"Summit.Faces.ModelBuilder: {e.Message}");
    return 1;
}
