using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Summit.Access.Core;
using Summit.Server.Access;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Devices;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Policy;
using Summit.Server.Access.Scanning;
using Summit.Server.Faces.Settings;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Incidents;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Screening;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using static System.FormattableString;

namespace Summit.Server.Demo.Live;

/// <summary>
/// One playing of the morning: the script, the turnstiles' devices, one MQTT connection per working sensor. The player calls
/// <see cref="PlayUntilAsync"/> with the script time reached; tests call it with a fake clock. Each beat's failure is logged and
/// counted, and play goes on. A beat with a face sends the lane camera's frame, cut from the sample photo of the guest whose face it
/// is: the server analyses and compares it as any device's frame; nothing here decides or invents a distance.
/// </summary>
public sealed class DemoLiveSession : IAsyncDisposable
{
    private const int MaxReroutes = 2;
    private static readonly TimeSpan ReconnectEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(1);

    private readonly IServiceScopeFactory _scopes;
    private readonly ScanProcessor _processor;
    private readonly DemoLiveOptions _options;
    private readonly double _threshold;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Guid> _deviceByGate;
    private readonly Dictionary<string, Guid> _gateIds;
    private readonly Dictionary<string, string> _sensorByGate;
    private readonly Dictionary<string, (IMqttClient Client, byte[] Key, long Sequence, DateTimeOffset LastSent)> _sensors = [];
    private readonly HashSet<string> _broken = [];
    private readonly HashSet<string> _failingSensors = [];
    private readonly Dictionary<string, DateTimeOffset> _reconnectTried = [];
    /// <summary>Lanes known to be on hold, with when someone last tried them.</summary>
    private readonly Dictionary<string, DateTimeOffset> _heldLanes = [];
    private readonly Random _random;
    private readonly List<string> _pendingReadings = [];
    private List<(DemoBeat Beat, int Reroutes)> _retries = [];
    private readonly string _statePath;
    /// <summary>The lane camera's frame of each guest with a face in the morning (none when the sample photos cannot be read).</summary>
    private readonly Dictionary<Guid, byte[]> _frames;
    private DemoLiveState _state;
    /// <summary>The badge the face check refused (the lent badge), at which gate, and whose face the camera saw: for the gate operator's report.</summary>
    private (Scan Scan, string Gate, Guid Face)? _faceRefusal;
    /// <summary>The borrower's own entry after the refusal, for the security officer's note.</summary>
    private Scan? _borrowerEntry;
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;
    private bool _saveFailed;
    private int _next;

    private DemoLiveSession(IServiceScopeFactory scopes, ScanProcessor processor, DemoLiveOptions options, double threshold, TimeProvider clock,
        ILogger logger, DemoScript script, Dictionary<string, Guid> deviceByGate, Dictionary<string, Guid> gateIds, Dictionary<string, string> sensorByGate,
        int seed, DemoLiveState state, string statePath, Dictionary<Guid, byte[]> frames)
    {
        _frames = frames;
        _scopes = scopes;
        _processor = processor;
        _options = options;
        _threshold = threshold;
        _clock = clock;
        _logger = logger;
        Script = script;
        _deviceByGate = deviceByGate;
        _gateIds = gateIds;
        _sensorByGate = sensorByGate;
        _random = new Random(seed + 1);
        _state = state;
        _statePath = statePath;
        if (state.PlayedUntil is { } played)
        {
            // A restart: what was played stays played. Only its lasting effect is taken over: the broken camera stays silent.
            ResumedAt = played;
            while (_next < script.Beats.Count && script.Beats[_next].At <= played)
            {
                if (script.Beats[_next].Kind == DemoBeatKind.SensorBreaks)
                {
                    _broken.Add(script.Beats[_next].Sensor!);
                }

                _next++;
            }
        }
    }

    public DemoScript Script { get; }

    public DemoLiveStats Stats { get; } = new();

    /// <summary>Where an earlier run of the demo left the morning (script time), or null when it starts from the beginning.</summary>
    public TimeSpan? ResumedAt { get; }

    /// <summary>The VIP kept out of the morning, whose code the banner prints for the gate agent.</summary>
    public Guid? ReservedGuestId => _state.ReservedGuestId;

    /// <summary>Every beat played and no lane change pending.</summary>
    public bool Finished => _next >= Script.Beats.Count && _retries.Count == 0;

    internal static async Task<DemoLiveSession?> StartAsync(IServiceScopeFactory scopes, ScanProcessor processor, DemoLiveOptions options,
        string? brokerHost, int brokerPort, int seed, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "demo", null));
        var db = provider.GetRequiredService<SummitDbContext>();
        var eventId = await db.Events.OrderBy(e => e.StartDate).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (eventId is null)
        {
            logger.LogWarning("Live demo: there is no event to play; start with `summit demo --reset`");
            return null;
        }

        var statePath = DemoLiveState.PathIn(provider.GetRequiredService<IConfiguration>());
        var state = DemoLiveState.Load(statePath, eventId.Value) ?? new DemoLiveState { EventId = eventId.Value };

        var gates = await provider.GetRequiredService<Access.Gates.GateService>().ListGatesAsync(ct);
        var gateIds = gates.ToDictionary(g => g.Code, g => g.Id);
        var gateCodes = gates.ToDictionary(g => g.Id, g => g.Code);
        var deviceByGate = (await provider.GetRequiredService<DeviceService>().ListAsync(ct)).Where(d => d.IsActive)
            .GroupBy(d => d.GateCode).ToDictionary(g => g.Key, g => g.OrderBy(d => d.CreatedAt).First().Id);
        var zones = await provider.GetRequiredService<Access.Zones.ZoneService>().ListZonesAsync(ct);
        var crowdCapacity = zones.FirstOrDefault(z => z.Code == DemoScriptWriter.CrowdedZone)?.Capacity ?? 0;
        if (!deviceByGate.ContainsKey(DemoScriptWriter.CrowdedGate))
        {
            crowdCapacity = 0;
        }

        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var holders = await db.Guests.AsNoTracking().Where(g => g.Status == GuestStatus.Accredited || g.Status == GuestStatus.Arrived)
            .Select(g => new { g.Id, g.Email, g.CategoryId, g.Status }).ToListAsync(ct);
        var codes = await provider.GetRequiredService<CredentialService>().GetCodesAsync([.. holders.Select(h => h.Id)], ct);
        // The reserved VIP is never part of the morning: their code is the newcomer's to try at the gate agent.
        var people = holders.Where(h => codes.ContainsKey(h.Id) && categories.ContainsKey(h.CategoryId) && h.Id != state.ReservedGuestId)
            .Select(h => new DemoPerson(h.Id, h.Email, codes[h.Id], categories[h.CategoryId], h.Status == GuestStatus.Arrived))
            .ToList();
        if (state is { People: { } inMorning, Arriving: { } arriving })
        {
            // Started before: the same people, as they were then, give the same script.
            var wereIn = inMorning.ToHashSet();
            var wereArriving = arriving.ToHashSet();
            people = [.. people.Where(p => wereIn.Contains(p.GuestId)).Select(p => p with { Arrived = !wereArriving.Contains(p.GuestId) })];
        }
        else
        {
            state = state with { People = [.. people.Select(p => p.GuestId)], Arriving = [.. people.Where(p => !p.Arrived).Select(p => p.GuestId)] };
            state.Save(statePath);
        }

        var sensors = (await provider.GetRequiredService<SensorDirectory>().GetAsync(ct)).Values.Where(s => !s.Revoked && gateCodes.ContainsKey(s.GateId))
            .GroupBy(s => gateCodes[s.GateId]).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Code, StringComparer.Ordinal).First());
        var script = DemoScriptWriter.Write(people, sensors.ToDictionary(s => s.Key, s => s.Value.Code), crowdCapacity,
            (category, zone) => DemoVenue.CategoryZones.GetValueOrDefault(category, []).Contains(zone), seed, state.Faces);
        var frames = await FramesAsync(provider.GetRequiredService<IOptions<DemoFaceOptions>>().Value, state.Faces, logger, ct);

        var session = new DemoLiveSession(scopes, processor, options,
            await provider.GetRequiredService<ScreeningThreshold>().GetAsync(ct), clock, logger, script, deviceByGate, gateIds,
            sensors.ToDictionary(s => s.Key, s => s.Value.Code), seed, state, statePath, frames);
        if (brokerHost is not null)
        {
            var lastSequences = await db.Set<Sensor>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.LastSequence, ct);
            foreach (var sensor in sensors.Values)
            {
                await session.ConnectAsync(sensor, lastSequences.GetValueOrDefault(sensor.Id, -1), brokerHost, brokerPort, ct);
            }
        }

        return session;
    }

    /// <summary>Plays every beat due by <paramref name="scriptTime"/>, the lane changes of the last call, and the sensors' heartbeats.</summary>
    public async Task PlayUntilAsync(TimeSpan scriptTime, CancellationToken ct)
    {
        // The people sent to another lane last time: screened there first, then scanned.
        foreach (var sensor in _pendingReadings)
        {
            await PublishAsync(sensor, NormalCelsius(), ct);
        }

        _pendingReadings.Clear();
        var scans = _retries;
        _retries = [];
        while (_next < Script.Beats.Count && Script.Beats[_next].At <= scriptTime)
        {
            var beat = Script.Beats[_next++];
            switch (beat.Kind)
            {
                case DemoBeatKind.Scan:
                    scans.Add((beat, 0));
                    break;
                case DemoBeatKind.Reading:
                    // A reading comes before the scan it screens: the scans so far go first.
                    await SubmitAsync(scans, ct);
                    scans = [];
                    await PublishAsync(beat.Sensor!, beat.Celsius, ct);
                    break;
                case DemoBeatKind.SensorBreaks:
                    _broken.Add(beat.Sensor!);
                    _logger.LogInformation("Live demo: sensor {Sensor} at gate {Gate} stops sending (a broken camera); the silence watch will raise an "
                        + "equipment incident", beat.Sensor, beat.Gate);
                    break;
                case DemoBeatKind.LentBadgeReported:
                    // The refusal it reports comes first.
                    await SubmitAsync(scans, ct);
                    scans = [];
                    await ReportLentBadgeAsync(ct);
                    break;
                case DemoBeatKind.LentBadgeResolved:
                    await SubmitAsync(scans, ct);
                    scans = [];
                    await ResolveLentBadgeAsync(ct);
                    break;
            }
        }

        await SubmitAsync(scans, ct);
        await HeartbeatsAsync(ct);
        if (scriptTime > (_state.PlayedUntil ?? TimeSpan.MinValue))
        {
            _state = _state with { PlayedUntil = scriptTime > Script.Length ? Script.Length : scriptTime };
            if (_clock.GetUtcNow() - _savedAt >= SaveEvery || Finished)
            {
                SaveState();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        SaveState();
        foreach (var (client, _, _, _) in _sensors.Values)
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogDebug(ex, "Live demo: a sensor did not disconnect cleanly");
            }

            client.Dispose();
        }
    }

    private void SaveState()
    {
        try
        {
            _state.Save(_statePath);
            _savedAt = _clock.GetUtcNow();
            _saveFailed = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The morning plays on; only a restart would replay what was not recorded. Logged once per failing stretch.
            if (!_saveFailed)
            {
                _logger.LogWarning(ex, "Live demo: cannot record how far the morning went in {Path}; a restart would play part of it again", _statePath);
            }

            _saveFailed = true;
        }
    }

    private async Task ConnectAsync(SensorEntry sensor, long lastSequence, string host, int port, CancellationToken ct)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var secret = Encoding.UTF8.GetString(sensor.Key);
            var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId(sensor.Code)
                .WithCredentials(sensor.Code, secret).WithCleanSession(true).Build(), ct);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"the broker answered {result.ResultCode}");
            }

            // Sequences only grow: from the server clock's milliseconds, above whatever this sensor sent in an earlier run.
            var sequence = Math.Max(lastSequence, _clock.GetUtcNow().ToUnixTimeMilliseconds());
            _sensors[sensor.Code] = (client, sensor.Key, sequence, DateTimeOffset.MinValue);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            client.Dispose();
            Stats.Failures++;
            _logger.LogWarning(ex, "Live demo: sensor {Sensor} cannot connect to the MQTT broker at {Host}:{Port}; it sends nothing", sensor.Code, host, port);
        }
    }

    private async Task PublishAsync(string sensorCode, double celsius, CancellationToken ct)
    {
        if (_broken.Contains(sensorCode) || !_sensors.TryGetValue(sensorCode, out var sensor))
        {
            return;
        }

        try
        {
            var now = _clock.GetUtcNow();
            var sequence = sensor.Sequence + 1;
            var payload = SensorMessages.Payload(sensorCode, Encoding.UTF8.GetString(sensor.Key), celsius, now, sequence);
            await sensor.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SensorMessages.TopicFor(sensorCode)).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
            _sensors[sensorCode] = sensor with { Sequence = sequence, LastSent = now };
            _failingSensors.Remove(sensorCode);
            Stats.Readings++;
            if (celsius > _threshold)
            {
                Stats.FeverReadings++;
                _logger.LogInformation("Live demo: sensor {Sensor} reads {Celsius:0.0} °C, above {Threshold:0.0} °C: its lane goes on hold until a security "
                    + "officer clears it on /screening", sensorCode, celsius, _threshold);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Stats.Failures++;
            // Once per outage, not once per reading: a broker that went away would otherwise fill the console.
            if (_failingSensors.Add(sensorCode))
            {
                _logger.LogWarning(ex, "Live demo: sensor {Sensor} cannot publish (more failures are not logged until it publishes again)", sensorCode);
            }
        }
    }

    /// <summary>A working sensor with nobody passing sends a normal reading now and then, as a real camera does.</summary>
    private async Task HeartbeatsAsync(CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        foreach (var code in _sensors.Keys.Where(c => !_broken.Contains(c)).ToList())
        {
            var client = _sensors[code].Client;
            if (!client.IsConnected && now - _reconnectTried.GetValueOrDefault(code) >= ReconnectEvery)
            {
                // The broker went away (an external one restarted): connect again with the same credentials.
                _reconnectTried[code] = now;
                try
                {
                    await client.ReconnectAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    _logger.LogDebug(ex, "Live demo: sensor {Sensor} cannot reconnect yet", code);
                }
            }

            if (now - _sensors[code].LastSent >= _options.SensorHeartbeat)
            {
                await PublishAsync(code, NormalCelsius(), ct);
            }
        }
    }

    private double NormalCelsius() => 36.1 + _random.Next(0, 10) / 10.0;

    private async Task SubmitAsync(List<(DemoBeat Beat, int Reroutes)> scans, CancellationToken ct)
    {
        if (scans.Count == 0)
        {
            return;
        }

        try
        {
            var snapshot = await SnapshotAsync(ct);
            var works = new List<(ScanWork Work, DemoBeat Beat, int Reroutes)>();
            foreach (var (planned, reroutes) in scans)
            {
                var beat = planned;
                if (_heldLanes.TryGetValue(beat.Gate, out var tried))
                {
                    // A steward sends the queue of a held lane to the next one; now and then someone tries the held lane, and finds
                    // it open again once an officer has cleared it.
                    if (_clock.GetUtcNow() - tried < _options.HeldLaneRetry && OtherLane(beat.Gate, snapshot) is { } lane)
                    {
                        Stats.Rerouted++;
                        // Another lane is no face lane: the person shows the code there.
                        beat = beat with { Gate = lane, FaceOnly = false };
                    }
                    else
                    {
                        _heldLanes[beat.Gate] = _clock.GetUtcNow();
                    }
                }

                byte[]? frame = null;
                if (beat.FaceOf is { } face && !_frames.TryGetValue(face, out frame))
                {
                    // Without the photo there is no frame to send, and no face scene is played without one.
                    Stats.FaceBeatsSkipped++;
                    continue;
                }

                if (_deviceByGate.TryGetValue(beat.Gate, out var device) && _gateIds.TryGetValue(beat.Gate, out var gateId)
                    && snapshot.Gates.TryGetValue(gateId, out var gate) && gate.Resolve(null) is { } direction)
                {
                    // As the lane's device sends it: the code read (none at a face lane) and the camera's frame.
                    works.Add((new ScanWork(DeviceApi.ScannerOf(device), device, gate, Guid.NewGuid(), beat.FaceOnly ? "" : beat.Code!, direction, null,
                        ScanSource.Online, Frame: frame), beat, reroutes));
                }
            }

            var outcomes = await _processor.SubmitManyAsync([.. works.Select(w => w.Work)], ct);
            for (var i = 0; i < outcomes.Count; i++)
            {
                Count(outcomes[i].Scan, works[i].Beat, works[i].Reroutes, snapshot);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Stats.Failures++;
            _logger.LogWarning(ex, "Live demo: {Count} scans could not be recorded; the morning goes on", scans.Count);
        }
    }

    private void Count(Scan scan, DemoBeat beat, int reroutes, AccessSnapshot snapshot)
    {
        Stats.Scans++;
        if (beat.FaceOf is { } face)
        {
            NoteFace(scan, beat, face, reroutes);
        }

        if (scan.Admitted)
        {
            Stats.Admitted++;
            if (_heldLanes.Remove(beat.Gate))
            {
                _logger.LogInformation("Live demo: lane {Gate} admits again (its hold was cleared)", beat.Gate);
            }

            return;
        }

        Stats.Refused[scan.Reason] = Stats.Refused.GetValueOrDefault(scan.Reason) + 1;
        if (scan.Reason != ReasonCode.ScreeningHold)
        {
            return;
        }

        if (!_heldLanes.ContainsKey(beat.Gate))
        {
            _logger.LogInformation("Live demo: lane {Gate} is on screening hold; arrivals are sent to the next lane until it is cleared", beat.Gate);
        }

        _heldLanes[beat.Gate] = _clock.GetUtcNow();

        // The steward sends the person to the next open lane of the same zone, where its sensor screens them again.
        if (reroutes >= MaxReroutes || OtherLane(beat.Gate, snapshot) is not { } lane)
        {
            return;
        }

        Stats.Rerouted++;
        _retries.Add((beat with { Gate = lane, FaceOnly = false }, reroutes + 1));
        if (_sensorByGate.TryGetValue(lane, out var sensor))
        {
            // Screened again at the new lane, before the scan (published at the next call, ahead of the retried scans).
            _pendingReadings.Add(sensor);
        }
    }

    /// <summary>What a scan with a face did: a VIP found at the face lane, a face lane that asks for the code, a badge refused by the face check.</summary>
    private void NoteFace(Scan scan, DemoBeat beat, Guid face, int reroutes)
    {
        if (scan.Admitted && scan.FaceLane)
        {
            Stats.FaceLanePassages++;
            _logger.LogInformation("Live demo: a VIP passes face lane {Gate} on their face alone (the server's 1:N search: distance {Distance}, lead {Lead} "
                + "over the next VIP)", beat.Gate, scan.FaceDistance, scan.FaceLead?.ToString(CultureInfo.InvariantCulture) ?? "none");
        }
        else if (scan.Reason == ReasonCode.FaceLaneNoMatch && beat.FaceOnly)
        {
            // The lane asks for the code: the VIP shows it at the same lane, where the 1:1 check compares the frame.
            _logger.LogInformation("Live demo: face lane {Gate} did not recognise a VIP clearly; they show their code", beat.Gate);
            _retries.Add((beat with { FaceOnly = false }, reroutes));
        }
        else if (scan.Reason == ReasonCode.FaceMismatch)
        {
            _faceRefusal = (scan, beat.Gate, face);
            _logger.LogInformation("Live demo: at gate {Gate} a badge is shown with another person's face: refused, \"face does not match the badge "
                + "holder\" (distance {Distance} from the holder's template); the gate operator checks the person", beat.Gate,
                scan.FaceDistance?.ToString(CultureInfo.InvariantCulture) ?? "no face found");
        }
        else if (scan.Admitted && _faceRefusal?.Face == face)
        {
            _borrowerEntry = scan;
        }
    }

    /// <summary>The gate operator reports the refused badge: a security incident at the gate, with the distance the server computed.</summary>
    private async Task ReportLentBadgeAsync(CancellationToken ct)
    {
        if (_faceRefusal is not var (refusal, gateCode, _))
        {
            _logger.LogInformation("Live demo: no badge was refused by the face check, so the gate operator has nothing to report");
            return;
        }

        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            if (!await ActAsAsync(provider, Roles.GateOperator, ct))
            {
                return;
            }

            var threshold = (await provider.GetRequiredService<FaceSettingsService>().GetAsync(ct)).Threshold;
            var (en, zh) = refusal.FaceDistance is { } distance
                ? (Invariant($"the face in the lane camera's frame lies {distance:0.00} from the holder's enrolled face, beyond the threshold of {threshold:0.00}"),
                    Invariant($"通道摄像头画面中的人脸与持证人登记人脸的距离为 {distance:0.00}，超出阈值 {threshold:0.00}"))
                : ("no face was found in the lane camera's frame", "通道摄像头画面中未检测到人脸");
            // The verdict as the lane showed it, in both languages, from the gates' one catalog.
            var verdict = GateVerdictTexts.For(ReasonCode.FaceMismatch);
            var incident = await provider.GetRequiredService<StaffReportService>().CreateAsync(new IncidentInput(IncidentType.Security, IncidentSeverity.Low,
                $"Badge refused by the face check at {gateCode} / {gateCode} 人脸核验拒绝证件",
                $"Refused \"{verdict.En}\": {en}. Checked against the badge photo and documents: not the holder, who had lent the badge. "
                + "Badge withheld; the person is sent for their own badge. (Played by the live demo.)\n"
                + $"拒绝\"{verdict.Zh}\"：{zh}。经核对证件照片及身份证件：非持证人本人，证件系借用。证件已暂扣，请其取回本人证件。（直播演示）",
                GateId: refusal.GateId), ct: ct);
            _state = _state with { LentBadgeIncident = incident.Summary.Number };
            SaveState();
            _logger.LogInformation("Live demo: the gate operator reports the lent badge at {Gate} as incident {Number}", gateCode, incident.Summary.Number);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Stats.Failures++;
            _logger.LogWarning(ex, "Live demo: the lent badge could not be reported; the morning goes on");
        }
    }

    /// <summary>A security officer resolves the lent badge's incident, saying how the person got in (as the scans recorded it).</summary>
    private async Task ResolveLentBadgeAsync(CancellationToken ct)
    {
        if (_state.LentBadgeIncident is not { } number)
        {
            _logger.LogInformation("Live demo: no lent badge was reported, so there is nothing to resolve");
            return;
        }

        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            if (!await ActAsAsync(provider, Roles.SecurityOfficer, ct))
            {
                return;
            }

            var (en, zh) = _borrowerEntry switch
            {
                { FaceDistance: { } own } => (Invariant($"The person came back with their own badge and was admitted: their face lies {own:0.00} from their own enrolled face."),
                    Invariant($"当事人持本人证件返回并已入场：人脸与本人登记人脸距离为 {own:0.00}。")),
                // Not enrolled: the lane decided on their code, and the operator compared them with their badge photo.
                not null => ("The person came back with their own badge and was admitted on it (no face template: checked against the badge photo).",
                    "当事人持本人证件返回并已凭证入场（未登记人脸：已核对证件照片）。"),
                null => ("The person was sent to the accreditation desk with their documents.", "当事人已被引导至证件办理处核验身份证件。"),
            };
            var note = $"{en} The lent badge goes back to its holder at the accreditation desk, with a reminder that a badge is personal.\n"
                + $"{zh}借出的证件在证件办理处退还持证人，并提醒证件仅限本人使用。";
            await provider.GetRequiredService<TransitionService>().TransitionAsync(number, new TransitionRequest(IncidentStatus.Resolved, note), ct);
            _logger.LogInformation("Live demo: a security officer resolves incident {Number}, the lent badge", number);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Stats.Failures++;
            _logger.LogWarning(ex, "Live demo: the lent badge's incident could not be resolved; the morning goes on");
        }
    }

    /// <summary>Acts in this scope as the demo's staff account of the role (the incidents module routes and checks by it); false without one.</summary>
    private async Task<bool> ActAsAsync(IServiceProvider provider, string role, CancellationToken ct)
    {
        var email = DemoSeeder.StaffEmailOf(role);
        var user = await provider.GetRequiredService<SummitDbContext>().Users.AsNoTracking().Where(u => u.Email == email)
            .Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            _logger.LogWarning("Live demo: there is no account {Email} to act as", email);
            return false;
        }

        provider.GetRequiredService<CurrentActor>().Use(new Actor(user.Id, user.UserName ?? email, null));
        return true;
    }

    /// <summary>The lane camera's frame of each guest with a face, cut from the sample photos the seeding found; none when they are gone.</summary>
    private static async Task<Dictionary<Guid, byte[]>> FramesAsync(DemoFaceOptions options, DemoFaceCast? faces, ILogger logger, CancellationToken ct)
    {
        var frames = new Dictionary<Guid, byte[]>();
        if (faces is null)
        {
            return frames;
        }

        if (DemoFacePhotos.Find(options) is not { } folder)
        {
            logger.LogWarning("Live demo: the sample photos the demo's faces come from are gone (from {Folder}); the face scenes are left out "
                + "(`summit demo --reset` fetches them again)", string.IsNullOrEmpty(options.PackageFolder) ? options.CacheFolder : options.PackageFolder);
            return frames;
        }

        foreach (var face in faces.Everyone)
        {
            frames[face.GuestId] = DemoFaces.LaneFrame(await File.ReadAllBytesAsync(DemoFacePhotos.PathOf(folder, face.Photo), ct), face);
        }

        return frames;
    }

    /// <summary>Another open entry lane with a reader into the same zone, not known to be held; null when there is none.</summary>
    private string? OtherLane(string gateCode, AccessSnapshot snapshot)
    {
        var zone = snapshot.Gates[_gateIds[gateCode]].Zone;
        var lanes = _deviceByGate.Keys.Where(code => code != gateCode && !_heldLanes.ContainsKey(code) && _gateIds.TryGetValue(code, out var id)
            && snapshot.Gates.TryGetValue(id, out var gate) && gate.Zone == zone && gate.IsOpen && gate.Resolve(null) == GateDirection.Entry)
            .Order(StringComparer.Ordinal).ToList();
        return lanes.Count == 0 ? null : lanes[_random.Next(lanes.Count)];
    }

    private async Task<AccessSnapshot> SnapshotAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        return await provider.GetRequiredService<AccessSnapshotCache>().GetAsync(provider.GetRequiredService<SummitDbContext>(),
            provider.GetRequiredService<GuestDirectory>(), provider.GetRequiredService<AccessSettingsService>(), ct);
    }
}
