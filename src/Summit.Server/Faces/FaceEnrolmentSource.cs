namespace Summit.Server.Faces;

/// <summary>Where an enrolment's photo came from.</summary>
public enum FaceEnrolmentSource
{
    /// <summary>The photo the guest uploaded in the portal, with the portal's face consent.</summary>
    PortalPhoto = 0,

    /// <summary>A photo taken at the accreditation desk by an officer, with the guest's consent recorded there.</summary>
    DeskPhoto = 1,
}
