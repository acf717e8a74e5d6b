namespace Summit.Server.Infrastructure.Modules;

/// <summary>The sections the modules register on each other's pages (<see cref="PageSection"/>), by place and in order.</summary>
public sealed class PageSections(IEnumerable<PageSection> sections)
{
    private readonly ILookup<string, PageSection> _byPlace = sections.OrderBy(s => s.Order).ToLookup(s => s.Place, StringComparer.Ordinal);

    public IEnumerable<PageSection> At(string place) => _byPlace[place];
}
