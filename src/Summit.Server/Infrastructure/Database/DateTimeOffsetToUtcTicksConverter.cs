using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Summit.Server.Infrastructure.Database;

/// <summary>Stores a DateTimeOffset as UTC ticks so that SQLite can sort and compare it.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
