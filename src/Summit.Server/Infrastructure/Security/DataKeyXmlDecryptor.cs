using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Summit.Server.Infrastructure.Security;

/// <summary>
/// Reads a key that <see cref="DataKeyXmlEncryptor"/> stored. Data protection creates it by its type name with the service provider,
/// so it takes the data key from there.
/// </summary>
public sealed class DataKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<FieldProtector>().UnprotectString(Convert.FromBase64String(encryptedElement.Value)));
}
