using System.Globalization;
using System.Net;

namespace Summit.GateAgent;

/// <summary>Parses the command line and the SUMMIT_GATE_* environment variables (the command line wins).</summary>
public static class AgentCommandLine
{
    public const string DefaultDataDirectory = "gate-data";

    private static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromHours(1);

    // Option name -> environment variable; flags (no value) are listed in Flags.
    private static readonly Dictionary<string, string?> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--server"] = "SUMMIT_GATE_SERVER",
        ["--token-file"] = "SUMMIT_GATE_TOKEN_FILE",
        ["--data"] = "SUMMIT_GATE_DATA",
        ["--listen"] = "SUMMIT_GATE_LISTEN",
        ["--sync-interval"] = "SUMMIT_GATE_SYNC_INTERVAL",
        ["--upload-interval"] = "SUMMIT_GATE_UPLOAD_INTERVAL",
        ["--camera-folder"] = "SUMMIT_GATE_CAMERA_FOLDER",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--no-stdin", "--exit-on-eof", "--help", "-h", "--version" };

    public static CommandLineResult Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var errors = new List<BilingualText>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            if (Flags.Contains(name) && inlineValue is null)
            {
                flags.Add(name);
            }
            else if (ValueOptions.ContainsKey(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    errors.Add(new($"{name} needs a value.", $"{name} 需要一个值。"));
                }
                else
                {
                    values[name] = value;
                }
            }
            else
            {
                errors.Add(new($"Unknown argument: {args[i]}", $"未知参数：{args[i]}"));
            }
        }

        if (flags.Contains("--help") || flags.Contains("-h"))
        {
            return new CommandLineResult(null, ShowHelp: true, ShowVersion: false, []);
        }
        if (flags.Contains("--version"))
        {
            return new CommandLineResult(null, ShowHelp: false, ShowVersion: true, []);
        }

        string? Value(string option) => values.TryGetValue(option, out var v) ? v : NonEmpty(environment(ValueOptions[option]!));

        var server = ParseServer(Value("--server"), errors);
        var token = ReadToken(Value("--token-file"), NonEmpty(environment("SUMMIT_GATE_TOKEN")), errors);
        var listen = ParseListen(Value("--listen"), errors);
        var sync = ParseInterval("--sync-interval", Value("--sync-interval"), AgentOptions.DefaultSyncInterval, errors);
        var upload = ParseInterval("--upload-interval", Value("--upload-interval"), AgentOptions.DefaultUploadInterval, errors);
        var camera = ParseFolder("--camera-folder", Value("--camera-folder"), errors);
        if (errors.Count > 0 || server is null || token is null)
        {
            return new CommandLineResult(null, false, false, errors);
        }

        var options = new AgentOptions
        {
            ServerUrl = server,
            DeviceToken = token,
            DataDirectory = Path.GetFullPath(Value("--data") ?? DefaultDataDirectory),
            Listen = listen,
            SyncInterval = sync,
            UploadInterval = upload,
            CameraFolder = camera,
        };
        var readInput = !flags.Contains("--no-stdin");
        return new CommandLineResult(new RunSettings(options, readInput, readInput && flags.Contains("--exit-on-eof")), false, false, []);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Uri? ParseServer(string? text, List<BilingualText> errors)
    {
        if (text is null)
        {
            errors.Add(new("The server address is missing: --server URL or SUMMIT_GATE_SERVER.", "缺少服务器地址：请使用 --server URL 或 SUMMIT_GATE_SERVER。"));
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new($"The server address is not an http(s) URL: {text}", $"服务器地址不是 http(s) 网址：{text}"));
            return null;
        }
        // A base address must end in "/" for relative paths to keep a path prefix such as https://host/summit/.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    private static string? ReadToken(string? tokenFile, string? tokenFromEnvironment, List<BilingualText> errors)
    {
        string? token;
        if (tokenFile is not null)
        {
            try
            {
                token = File.ReadAllText(tokenFile).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new($"Cannot read the token file {tokenFile}: {e.Message}", $"无法读取令牌文件 {tokenFile}：{e.Message}"));
                return null;
            }
        }
        else
        {
            token = tokenFromEnvironment?.Trim();
        }
        if (string.IsNullOrEmpty(token))
        {
            errors.Add(new("The device token is missing: --token-file PATH, SUMMIT_GATE_TOKEN_FILE or SUMMIT_GATE_TOKEN.",
                "缺少设备令牌：请使用 --token-file PATH、SUMMIT_GATE_TOKEN_FILE 或 SUMMIT_GATE_TOKEN。"));
            return null;
        }
        // The token goes into an HTTP header: visible ASCII only (the message never repeats the token).
        if (token.Any(c => c is < '!' or > '~'))
        {
            errors.Add(new("The device token contains spaces, line breaks or non-ASCII characters.", "设备令牌包含空格、换行或非 ASCII 字符。"));
            return null;
        }
        return token;
    }

    private static string? ParseFolder(string option, string? text, List<BilingualText> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (Directory.Exists(text))
        {
            return Path.GetFullPath(text);
        }
        errors.Add(new($"{option} names no folder: {text}", $"{option} 指定的文件夹不存在：{text}"));
        return null;
    }

    private static IPEndPoint? ParseListen(string? text, List<BilingualText> errors)
    {
        if (text is null)
        {
            return AgentOptions.DefaultListen;
        }
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal))
        {
            return endpoint;
        }
        errors.Add(new($"--listen wants an IP address and port such as 127.0.0.1:5081, or off: {text}",
            $"--listen 需要 IP 地址和端口（如 127.0.0.1:5081）或 off：{text}"));
        return null;
    }

    private static TimeSpan ParseInterval(string option, string? text, TimeSpan fallback, List<BilingualText> errors)
    {
        if (text is null)
        {
            return fallback;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds)
            && TimeSpan.FromSeconds(seconds) is var interval && interval >= ShortestInterval && interval <= LongestInterval)
        {
            return interval;
        }
        errors.Add(new($"{option} wants seconds between 0.05 and 3600: {text}", $"{option} 需要 0.05 到 3600 之间的秒数：{text}"));
        return fallback;
    }

    public const string Help = """
        Summit gate agent: decides scans at a turnstile, offline when it must.
        Summit 闸机代理：在闸机旁判定扫码，断网时也能工作。

        Usage / 用法:
          Summit.GateAgent --server URL --token-file PATH [options]

        Options / 选项 (environment variable / 环境变量):
          --server URL              Summit server address (SUMMIT_GATE_SERVER)
                                    服务器地址
          --token-file PATH         file holding the device token (SUMMIT_GATE_TOKEN_FILE);
                                    or the token itself in SUMMIT_GATE_TOKEN. Never logged.
                                    存放设备令牌的文件；或把令牌放在 SUMMIT_GATE_TOKEN。令牌不会写入日志。
          --data DIR                journal and last synced policy (SUMMIT_GATE_DATA), default ./gate-data
                                    日志与最近同步的策略所在目录，默认 ./gate-data
          --listen ADDR:PORT|off    local endpoint POST /scan, GET /status (SUMMIT_GATE_LISTEN),
                                    default 127.0.0.1:5081
                                    本地接口（POST /scan、GET /status），默认 127.0.0.1:5081
          --sync-interval SECONDS   policy and presence sync (SUMMIT_GATE_SYNC_INTERVAL), default 10
                                    策略与在场状态同步间隔，默认 10 秒
          --upload-interval SECONDS journal upload (SUMMIT_GATE_UPLOAD_INTERVAL), default 1
                                    日志上传间隔，默认 1 秒
          --camera-folder DIR       the lane camera's frames, as image files in a folder, for the face check
                                    (SUMMIT_GATE_CAMERA_FOLDER); each frame is read once and deleted, never kept
                                    车道摄像头画面所在文件夹（图像文件），用于人脸核验；每帧读取一次后删除，不会保存
          --no-stdin                do not read scans from standard input / 不从标准输入读取扫码
          --exit-on-eof             stop when standard input ends / 标准输入结束时退出
          --help, -h                this text / 显示本说明
          --version                 the version / 显示版本

        Standard input: one code per line (a keyboard-wedge scanner types the code and Enter).
        Verdicts go to standard output, logs to standard error.
        标准输入：每行一个码（键盘模拟扫码枪输入码后回车）。判定结果写到标准输出，日志写到标准错误。

        Online, the agent follows the lane's screening holds as they change (entries refused: secondary screening);
        offline it cannot know them, and says so on GET /status and on every entry it admits at a screened lane.
        联网时，闸机代理实时获知本通道的体温筛查暂停（暂停期间拒绝入场：需二次体温筛查）；离线时无法获知，
        并在 GET /status 及受筛查通道每次放行时说明。

        Exit codes / 退出码:
          0  stopped normally (Ctrl+C, SIGTERM, or end of input with --exit-on-eof) / 正常停止
          1  unexpected failure / 意外故障
          2  bad command line or configuration / 命令行或配置错误
          3  the data folder or the journal cannot be used / 数据目录或日志不可用
          4  the local endpoint cannot listen on its address / 本地接口无法监听
        """;
}
