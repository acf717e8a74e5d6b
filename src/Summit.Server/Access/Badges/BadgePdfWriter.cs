using SkiaSharp;

namespace Summit.Server.Access.Badges;

/// <summary>
/// A PDF of badges written page by page as the cards come, so that a batch of thousands of badges (with their photos) is
/// never held in memory at once. <see cref="Close"/> finishes the file; disposing without it leaves an unfinished one.
/// </summary>
public sealed class BadgePdfWriter(Stream output) : IDisposable
{
    private readonly SKDocument _document = BadgeRenderer.CreatePdf(output);

    public int Pages { get; private set; }

    public void Add(BadgeCard card)
    {
        BadgeRenderer.AddPage(_document, card);
        Pages++;
    }

    public void Close() => _document.Close();

    public void Dispose() => _document.Dispose();
}
