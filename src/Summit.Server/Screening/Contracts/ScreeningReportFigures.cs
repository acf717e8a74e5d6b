namespace Summit.Server.Screening.Contracts;

/// <summary>
/// The screening figures of the closing report as of <see cref="AsOf"/>, each computed from the records that
/// <see cref="IScreeningReport.TraceAsync"/> lists for the same moment. Fevers are readings above the threshold in force when
/// they arrived; a fever at a lane already on hold opens no new hold. Holds, refusals and silences count every record before the
/// moment, whatever its day; a hold decided after the moment counts as open.
/// </summary>
/// <param name="Event">Readings, fevers and holds placed on the event's dates; <paramref name="Outside"/> on the days outside them.</param>
/// <param name="MedianMinutesToDecision">Median minutes from a hold to the officer's decision, over the holds decided before the moment; null if none.</param>
/// <param name="SilentSensors">Sensors that went silent at least once; <paramref name="Silences"/> counts every silence.</param>
public sealed record ScreeningReportFigures(DateTimeOffset AsOf, double ThresholdCelsius, IReadOnlyList<ScreeningDayTotal> Days, ScreeningSpanTotal Event,
    ScreeningSpanTotal Outside, IReadOnlyList<ScreeningRefusalFigure> Refusals, long RefusedMessages, int HoldsPlaced, int HoldsOpen, int HoldsCleared,
    int HoldsConfirmed, double? MedianMinutesToDecision, int SilentSensors, int Silences);
