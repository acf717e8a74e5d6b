namespace Summit.Server.Incidents.Reading;

/// <summary>Where the staff pages show an evidence record: the Access pages list scans and entry conflicts live.</summary>
public static class EvidenceLinks
{
    public static string? PageFor(string kind) => kind switch
    {
        "scan" or "entry-conflict" => "/access/live",
        _ => null,
    };
}
