namespace Summit.Server.Screening.Contracts;

/// <summary>Messages refused for one reason before the report's moment (refusals are counted per sensor, reason and minute, not stored one by one).</summary>
public sealed record ScreeningRefusalFigure(string Reason, long Messages);
