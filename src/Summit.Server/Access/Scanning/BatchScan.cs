namespace Summit.Server.Access.Scanning;

/// <summary>One scan of a batch as the decision sees it.</summary>
/// <param name="ReceivedAt">When the server received it: an online scan is decided at this time.</param>
/// <param name="Identity">The code decoded and its signature checked against the batch's snapshot; null when it does not decode.</param>
internal sealed record BatchScan(ScanWork Work, DateTimeOffset ReceivedAt, ScanIdentity? Identity);
