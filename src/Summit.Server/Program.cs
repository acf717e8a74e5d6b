using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Cli;

// summit [demo [--reset] [--seed N]] | [admin create --email E --password P] | [migrate]  (+ any ASP.NET option, e.g. --urls)
var command = SummitCommand.Parse(args);
if (command.Error is not null)
{
    await Console.Error.WriteLineAsync(command.Error);
    await Console.Error.WriteLineAsync(SummitCommand.Usage);
    return 2;
}

var builder = WebApplication.CreateBuilder(command.HostArgs);
command.Configure(builder);
builder.AddSummit();
var app = builder.Build();
app.UseSummit();
return await command.RunAsync(app);

/// <summary>Entry point marker for WebApplicationFactory in the tests.</summary>
public partial class Program;
