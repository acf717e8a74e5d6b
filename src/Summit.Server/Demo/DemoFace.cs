namespace Summit.Server.Demo;

/// <summary>
/// A demo guest enrolled from one face of a sample photo: where the face lies in it (centre and width, in the photo's pixels), from
/// which the desk portrait and, in the live morning, the lane camera's frames are cut.
/// </summary>
public sealed record DemoFace(Guid GuestId, string Photo, int CentreX, int CentreY, int FaceWidth);
