namespace Summit.Server.Programme.Rules;

/// <summary>The conflict rules of a timetable (issue 13). Stored with their severity per event: never renumber.</summary>
public enum ConflictRule
{
    RoomDoubleBooked = 0,
    SpeakerDoubleBooked = 1,
    SpeakerUnavailable = 2,
    TravelTooShort = 3,
    CapacityBelowDemand = 4,
    InterpretationMissing = 5,
    BufferTooShort = 6,
    EquipmentMissing = 7,
}
