using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Summit.Server.Infrastructure.Security;

/// <summary>Encrypts a data-protection key's XML with Summit's data key (AES-256-GCM, <see cref="FieldProtector"/>) before it is stored.</summary>
public sealed class DataKeyXmlEncryptor(FieldProtector protector) : IXmlEncryptor
{
    public const string ElementName = "encryptedWithDataKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(ElementName, Convert.ToBase64String(protector.ProtectString(plaintextElement.ToString(SaveOptions.DisableFormatting)))),
            typeof(DataKeyXmlDecryptor));
}
