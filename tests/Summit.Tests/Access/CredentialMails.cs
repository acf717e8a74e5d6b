using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Summit.Server.Guests;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Mail;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

internal static class CredentialMails
{
    /// <summary>
    /// The code in the QR image of a credential mail: an inline part of a multipart/related body that the HTML shows by its
    /// content id, read with zbar.
    /// </summary>
    public static async Task<string> QrCodeOfAsync(MimeMessage message)
    {
        Assert.Contains($"src=\"cid:{MailComposer.QrContentId}\"", message.HtmlBody, StringComparison.Ordinal);
        var related = Assert.Single(Entities(message.Body!).OfType<MultipartRelated>());
        var image = Assert.Single(related.OfType<MimePart>(), p => p.ContentId == MailComposer.QrContentId);
        Assert.Equal("image/png", image.ContentType.MimeType);
        using var png = new MemoryStream();
        await image.Content!.DecodeToAsync(png);
        return await Zbar.DecodeSingleAsync(png.ToArray());
    }

    public static Task<List<OutgoingMail>> MailsOfAsync(this SummitFactory app, Guid guestId) => app.InScopeAsync(sp =>
        sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking().Include(m => m.Images).Where(m => m.GuestId == guestId).ToListAsync());

    private static IEnumerable<MimeEntity> Entities(MimeEntity entity) =>
        entity is Multipart multipart ? multipart.SelectMany(Entities).Prepend(entity) : [entity];
}
