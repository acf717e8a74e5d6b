using System.Globalization;
using Summit.Server.Demo.Live;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Infrastructure.Cli;

/// <summary>The command line of the server: run (default), demo, admin create, migrate.</summary>
public sealed class SummitCommand
{
    public const string Usage = """
        Usage:
          summit                                   run the server
          summit demo [--reset] [--seed N] [--guests N] [--speed N] [--no-live]
                                                   create the WIC Wuzhen Summit 2021 demo event, then run and play its
                                                   opening morning live at N times its pace (default 30: three minutes)
          summit admin create --email E --password P [--name N]   create an Admin account and exit
          summit migrate                           apply database migrations and exit
        Any ASP.NET Core option may follow, for example --urls http://127.0.0.1:5080 or --Summit:Database "Host=...".
        """;

    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    public string Verb { get; private init; } = "run";
    public string[] HostArgs { get; private init; } = [];
    public string? Error { get; private init; }

    public static SummitCommand Parse(string[] args)
    {
        var verb = "run";
        var rest = args.ToList();
        if (rest.Count > 0 && !rest[0].StartsWith('-'))
        {
            verb = rest[0].ToLowerInvariant();
            rest.RemoveAt(0);
            if (verb == "admin")
            {
                if (rest.Count == 0 || rest[0] != "create")
                {
                    return new SummitCommand { Error = "Unknown admin command." };
                }

                verb = "admin-create";
                rest.RemoveAt(0);
            }
        }

        if (verb is not ("run" or "demo" or "admin-create" or "migrate"))
        {
            return new SummitCommand { Error = $"Unknown command '{verb}'." };
        }

        var command = new SummitCommand { Verb = verb };
        var hostArgs = new List<string>();
        string[] own = ["reset", "seed", "guests", "speed", "no-live", "email", "password", "name", "db"];
        string[] flags = ["reset", "no-live"];
        for (var i = 0; i < rest.Count; i++)
        {
            var name = rest[i].TrimStart('-');
            if (rest[i].StartsWith("--", StringComparison.Ordinal) && own.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var hasValue = !flags.Contains(name, StringComparer.OrdinalIgnoreCase) && i + 1 < rest.Count && !rest[i + 1].StartsWith("--", StringComparison.Ordinal);
                command._options[name] = hasValue ? rest[++i] : "true";
            }
            else
            {
                hostArgs.Add(rest[i]);
            }
        }

        if (verb == "admin-create" && (!command._options.ContainsKey("email") || !command._options.ContainsKey("password")))
        {
            return new SummitCommand { Error = "admin create needs --email and --password." };
        }

        if (command._options.TryGetValue("speed", out var speed) && !(double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var times)
            && times is >= DemoLiveOptions.MinSpeed and <= DemoLiveOptions.MaxSpeed))
        {
            return new SummitCommand { Error = $"--speed must be a number from {DemoLiveOptions.MinSpeed} to {DemoLiveOptions.MaxSpeed} (times the morning's pace)." };
        }

        return new SummitCommand { Verb = verb, HostArgs = [.. hostArgs] }.With(command._options);
    }

    public void Configure(WebApplicationBuilder builder)
    {
        if (_options.TryGetValue("db", out var db) && db is not null)
        {
            builder.Configuration["Summit:Database"] = db;
        }

        if (Verb == "demo")
        {
            // The demo admin signs in with a password only; a real deployment keeps two-factor compulsory
            // (the default in SecurityOptions). An explicit setting still wins.
            builder.Configuration["Summit:Security:RequireAdminTwoFactor"] ??= "false";

            // The live morning (Demo/Live): on unless --no-live. Its broken sensor must be reported within a minute of the
            // server answering, not after the production default of two minutes and a check every 15 s.
            var live = !_options.ContainsKey("no-live");
            builder.Configuration["Summit:Demo:Live:Enabled"] ??= live ? "true" : "false";
            if (_options.TryGetValue("speed", out var speed) && speed is not null)
            {
                builder.Configuration["Summit:Demo:Live:Speed"] = speed;
            }

            if (_options.TryGetValue("seed", out var seed) && seed is not null)
            {
                builder.Configuration["Summit:Demo:Live:Seed"] = seed;
            }

            if (live)
            {
                builder.Configuration["Summit:Screening:SilenceAfter"] ??= DemoLiveOptions.DemoSilenceAfter.ToString("c", CultureInfo.InvariantCulture);
                builder.Configuration["Summit:Screening:SilenceCheckInterval"] ??= DemoLiveOptions.DemoSilenceCheck.ToString("c", CultureInfo.InvariantCulture);
            }
        }
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        switch (Verb)
        {
            case "migrate":
                Console.WriteLine("Database is up to date.");
                return 0;
            case "admin-create":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
                    try
                    {
                        await accounts.CreateAsync(_options["email"]!, _options.GetValueOrDefault("name") ?? "Administrator", _options["password"]!, [Roles.Admin]);
                    }
                    catch (SummitException ex)
                    {
                        var localizer = scope.ServiceProvider.GetRequiredService<Localization.Localizer>();
                        await Console.Error.WriteLineAsync(ex.Error.Message(localizer));
                        return 1;
                    }
                }

                Console.WriteLine($"Admin {_options["email"]} created. Sign in and set up two-factor authentication.");
                return 0;
            case "demo":
                var seed = int.TryParse(_options.GetValueOrDefault("seed"), out var s) ? s : Demo.DemoSeeder.DefaultSeed;
                var guests = int.TryParse(_options.GetValueOrDefault("guests"), out var g) ? g : Demo.DemoSeeder.DefaultGuestCount;
                var summary = await Demo.DemoSeeder.RunAsync(app.Services, seed, guests, _options.ContainsKey("reset"));
                Console.WriteLine(summary);
                break;
        }

        await app.RunAsync();
        return 0;
    }

    private SummitCommand With(Dictionary<string, string?> options)
    {
        foreach (var (key, value) in options)
        {
            _options[key] = value;
        }

        return this;
    }
}
