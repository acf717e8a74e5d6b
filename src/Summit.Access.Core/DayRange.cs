namespace Summit.Access.Core;

/// <summary>Event-local days on which a grant applies; null ends are open.</summary>
public readonly record struct DayRange(DateOnly? First, DateOnly? Last)
{
    public static DayRange Always => default;

    public static DayRange On(DateOnly day) => new(day, day);

    public bool Contains(DateOnly day) => (First is not { } first || day >= first) && (Last is not { } last || day <= last);
}
