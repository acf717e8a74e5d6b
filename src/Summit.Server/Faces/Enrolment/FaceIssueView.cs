namespace Summit.Server.Faces.Enrolment;

/// <summary>One thing wrong with a photo: its stable code (face.turned...) and what to change, in the reader's language.</summary>
public sealed record FaceIssueView(string Code, string Text);
