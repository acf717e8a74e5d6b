namespace Summit.Server.Access.Scanning;

/// <summary>What became of one scan of a batch: an outcome, or a refusal to pass to its caller.</summary>
internal readonly record struct SettledScan(ScanOutcome? Outcome, SummitException? Refusal);
