namespace Summit.GateAgent;

/// <summary>What the command line asks for: run with these settings, or show the help or the version.</summary>
/// <param name="Errors">Why the command line cannot run (exit code <see cref="ExitCodes.Usage"/>).</param>
public sealed record CommandLineResult(RunSettings? Settings, bool ShowHelp, bool ShowVersion, IReadOnlyList<BilingualText> Errors);
