namespace Summit.GateAgent;

/// <summary>
/// A camera that writes its frames as image files (JPEG or PNG) into a folder: at each face check the agent takes the oldest files by
/// name, reads them and deletes them, so that a frame serves one check and none piles up on the disk. Files over
/// <see cref="MaxFrameBytes"/> are deleted unread. Used by the tests with the sample photos; a real camera may be set to write there.
/// </summary>
public sealed class FolderFrameSource(string folder) : IFrameSource
{
    /// <summary>As the server's limit on a gate frame, with room for a camera's larger JPEGs.</summary>
    public const int MaxFrameBytes = 4 * 1024 * 1024;

    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    public string Folder { get; } = Path.GetFullPath(folder);

    public string Description => $"folder {Folder}";

    public IReadOnlyList<byte[]> Take(int count)
    {
        var frames = new List<byte[]>(count);
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(Folder)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return frames;
        }

        foreach (var file in files)
        {
            if (frames.Count == count)
            {
                break;
            }

            try
            {
                if (new FileInfo(file).Length <= MaxFrameBytes)
                {
                    frames.Add(File.ReadAllBytes(file));
                }

                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still being written by the camera, or taken by someone else: the next file.
            }
        }

        return frames;
    }
}
