namespace Summit.Server.Screening;

/// <summary>Screening settings as staff see them: the threshold in force (the event's own, else configuration), the rest from Summit:Screening and Summit:Mqtt.</summary>
public sealed record ScreeningSettingsView(double ThresholdCelsius, double SilenceMinutes, double MaxReadingAgeMinutes, bool IngestionEnabled,
    bool ExternalBroker, int? BrokerPort, long StoredSinceStart, long RefusedSinceStart);
