namespace Summit.Server.Faces;

/// <summary>Where a guest's enrolment stands.</summary>
public enum FaceEnrolmentState
{
    /// <summary>Consent and a photo arrived in the portal: the template is to be computed.</summary>
    Pending = 0,

    /// <summary>A template is stored (encrypted).</summary>
    Enrolled = 1,

    /// <summary>The photo failed the quality check: the issues say what to change; no template is stored.</summary>
    Refused = 2,
}
