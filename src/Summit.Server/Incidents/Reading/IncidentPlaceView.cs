namespace Summit.Server.Incidents.Reading;

public sealed record IncidentPlaceView(Guid? ZoneId, Guid? GateId, string? Text, string LabelEn, string LabelZh);
