namespace Summit.Access.Core;

/// <summary>Whether a credential opens a zone on a day.</summary>
public interface IZoneGrants
{
    bool IsGranted(in CredentialPayload credential, int zone, DateOnly day);
}
