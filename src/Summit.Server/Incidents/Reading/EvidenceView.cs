namespace Summit.Server.Incidents.Reading;

public sealed record EvidenceView(string Kind, string Reference, string SummaryEn, string SummaryZh, DateTimeOffset AddedAt, string? Link);
