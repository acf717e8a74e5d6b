namespace Summit.Server.Privacy.Contracts;

/// <summary>One line of the privacy notice: a label and its text, in the reader's language.</summary>
public sealed record NoticeLine(string Key, string Label, string Text);
