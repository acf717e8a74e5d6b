using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Summit.GateAgent;

/// <summary>The command line: a named entry point, so that this assembly declares no global Program beside the server's.</summary>
internal static class AgentProgram
{
    public static async Task<int> Main(string[] args)
    {
        var parsed = AgentCommandLine.Parse(args, Environment.GetEnvironmentVariable);
        if (parsed.ShowHelp)
        {
            Console.Out.WriteLine(AgentCommandLine.Help);
            return ExitCodes.Stopped;
        }
        if (parsed.ShowVersion)
        {
            Console.Out.WriteLine(typeof(GateAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
            return ExitCodes.Stopped;
        }
        if (parsed.Settings is not { } settings)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error.En);
                Console.Error.WriteLine(error.Zh);
            }
            Console.Error.WriteLine("See --help. / 参见 --help。");
            return ExitCodes.Usage;
        }

        // Logs on standard error, so that standard output carries verdict lines only.
        using var loggers = LoggerFactory.Create(logging => logging
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        var log = loggers.CreateLogger("Summit.GateAgent");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        await using var agent = new GateAgent(settings.Options, TimeProvider.System, loggers);
        try
        {
            await agent.StartAsync(stop.Token);
        }
        catch (LocalDataException e)
        {
            log.LogCritical(e, "{Problem} Move the file aside (keep it: it may hold scans not yet uploaded) to start with a new journal / " +
                "请将该文件移到别处（保留它：其中可能有尚未上传的扫码记录），然后以新日志启动", e.Message);
            return ExitCodes.LocalData;
        }
        catch (LocalEndpointException e)
        {
            log.LogCritical("{Problem} Choose another address with --listen / 本地接口无法监听，请用 --listen 换一个地址", e.Message);
            return ExitCodes.LocalEndpoint;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Stopped;
        }

        // A read from standard input cannot be cancelled on every platform: stopping does not wait for it.
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = stop.Token.Register(() => stopRequested.TrySetResult());
        var scanning = settings.ReadStandardInput ? ReadStandardInputAsync() : stopRequested.Task;
        await Task.WhenAny(scanning, stopRequested.Task);
        if (scanning.IsFaulted)
        {
            log.LogCritical(scanning.Exception, "Unexpected failure / 意外故障");
            await agent.StopAsync();
            return ExitCodes.Unexpected;
        }
        log.LogInformation("Stopping / 正在停止");
        await agent.StopAsync();
        return ExitCodes.Stopped;

        async Task ReadStandardInputAsync()
        {
            await using var input = Console.OpenStandardInput();
            var scans = await ScanLines.ScanAllAsync(agent, input, Console.Out, stop.Token);
            log.LogInformation("Standard input ended after {Scans} scans / 标准输入已结束", scans);
            // Without --exit-on-eof the agent goes on serving the local endpoint until it is stopped.
            if (!settings.ExitAtEndOfInput)
            {
                await stopRequested.Task;
            }
        }
    }
}
