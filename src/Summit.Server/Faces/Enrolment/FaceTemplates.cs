using Summit.Faces.Core;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Faces.Enrolment;

/// <summary>A template's bytes go through the field protector both ways: a descriptor is biometric data and is never stored in clear.</summary>
public sealed class FaceTemplates(FieldProtector protector)
{
    public byte[] Protect(FaceDescriptor descriptor) => protector.Protect(descriptor.ToBytes());

    public FaceDescriptor Unprotect(byte[] encrypted) => FaceDescriptor.FromBytes(protector.Unprotect(encrypted));
}
