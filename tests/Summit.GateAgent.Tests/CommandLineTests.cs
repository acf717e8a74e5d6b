using System.Net;

namespace Summit.GateAgent.Tests;

public sealed class CommandLineTests
{
    private const string Token = "dev_CommandLineToken123";

    private static CommandLineResult Parse(string[] args, Dictionary<string, string>? environment = null) =>
        AgentCommandLine.Parse(args, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);

    [Fact]
    public void The_defaults_need_only_a_server_and_a_token()
    {
        var settings = Parse(["--server", "https://summit.example.org"], new() { ["SUMMIT_GATE_TOKEN"] = Token }).Settings!;

        var options = settings.Options;
        Assert.Equal(new Uri("https://summit.example.org/"), options.ServerUrl);
        Assert.Equal(Token, options.DeviceToken);
        Assert.Equal(Path.GetFullPath("gate-data"), options.DataDirectory);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5081), options.Listen);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 200), (options.SyncInterval, options.UploadInterval, options.UploadBatchSize));
        Assert.True(options.ExchangeInBackground);
        Assert.True(settings.ReadStandardInput);
        Assert.False(settings.ExitAtEndOfInput);
    }

    [Fact]
    public void The_command_line_wins_over_the_environment_and_every_option_is_read()
    {
        var tokenFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(tokenFile, $"  {Token}\n");
            var settings = Parse(
                ["--server=http://10.0.0.5:5000/summit", "--token-file", tokenFile, "--data", "/var/lib/summit-gate", "--listen", "0.0.0.0:6000",
                    "--sync-interval", "2.5", "--upload-interval=0.25", "--exit-on-eof"],
                new() { ["SUMMIT_GATE_SERVER"] = "http://elsewhere", ["SUMMIT_GATE_TOKEN"] = "dev_fromEnvironment", ["SUMMIT_GATE_LISTEN"] = "off" }).Settings!;

            var options = settings.Options;
            Assert.Equal(new Uri("http://10.0.0.5:5000/summit/"), options.ServerUrl);
            Assert.Equal(Token, options.DeviceToken);
            Assert.Equal("/var/lib/summit-gate", options.DataDirectory);
            Assert.Equal(IPEndPoint.Parse("0.0.0.0:6000"), options.Listen);
            Assert.Equal((TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(0.25)), (options.SyncInterval, options.UploadInterval));
            Assert.True(settings.ExitAtEndOfInput);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public void The_environment_configures_everything_and_off_turns_the_endpoint_off()
    {
        var settings = Parse(["--no-stdin"], new()
        {
            ["SUMMIT_GATE_SERVER"] = "http://127.0.0.1:5000",
            ["SUMMIT_GATE_TOKEN"] = Token,
            ["SUMMIT_GATE_LISTEN"] = "off",
            ["SUMMIT_GATE_SYNC_INTERVAL"] = "60",
        }).Settings!;

        Assert.Null(settings.Options.Listen);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Options.SyncInterval);
        Assert.False(settings.ReadStandardInput);
    }

    [Theory]
    [InlineData("--server")]
    [InlineData("--server", "ftp://summit.example.org")]
    [InlineData("--server", "not a url")]
    [InlineData("--server", "http://summit", "--listen", "localhost:5081")]
    [InlineData("--server", "http://summit", "--listen", "5081")]
    [InlineData("--server", "http://summit", "--sync-interval", "0")]
    [InlineData("--server", "http://summit", "--upload-interval", "NaN")]
    [InlineData("--server", "http://summit", "--sync-interval", "7200")]
    [InlineData("--server", "http://summit", "--verbose")]
    [InlineData("--server", "http://summit", "--token-file", "/nonexistent/token")]
    public void A_bad_command_line_is_refused_with_reasons_in_both_languages(params string[] args)
    {
        var result = Parse(args, new() { ["SUMMIT_GATE_TOKEN"] = Token });

        Assert.Null(result.Settings);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.En) || string.IsNullOrWhiteSpace(e.Zh)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\nbreak")]
    [InlineData("ключ")]
    public void A_missing_or_unusable_token_is_refused_without_repeating_it(string token)
    {
        var result = Parse(["--server", "http://summit"], new() { ["SUMMIT_GATE_TOKEN"] = token });

        Assert.Null(result.Settings);
        var error = Assert.Single(result.Errors);
        Assert.Contains("token", error.En, StringComparison.Ordinal);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_and_version_need_nothing_else()
    {
        Assert.True(Parse(["--help"]).ShowHelp);
        Assert.True(Parse(["-h", "--bogus"]).ShowHelp);
        Assert.True(Parse(["--version"]).ShowVersion);
        Assert.Contains("Exit codes / 退出码", AgentCommandLine.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_as_text_never_show_the_token()
    {
        var options = Parse(["--server", "http://summit"], new() { ["SUMMIT_GATE_TOKEN"] = Token }).Settings!.Options;

        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("http://summit/", options.ToString(), StringComparison.Ordinal);
    }
}
