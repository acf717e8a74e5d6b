using System.Text;
using Microsoft.Data.Sqlite;
using Summit.Access.Core;

namespace Summit.GateAgent.Tests.Faces;

/// <summary>
/// The face check offline (issue 14, ADR 0037): templates synced sealed, a lent badge refused with the server's reason and texts, the
/// distance journaled and uploaded, never a frame kept; nothing taken or computed for a person without a template; whoever the server
/// takes out is gone at the next sync; the face lane (1:N) offline.
/// </summary>
public sealed class FaceCheckTests
{
    [Fact]
    public async Task A_lent_badge_is_refused_offline_with_the_servers_texts_and_its_holder_passes()
    {
        var holder = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: new CountingFaceReader(), faces: OneHolder(holder));
        gate.Server.Down = true;

        gate.Show(FaceSamples.Impostor());
        var lent = gate.Agent.Scan(holder.Code);
        gate.Show(FaceSamples.HolderFrame());
        var own = gate.Agent.Scan(holder.Code);

        Assert.Equal(ReasonCode.FaceMismatch, lent.Reason);
        Assert.Equal((GateVerdictTexts.For(ReasonCode.FaceMismatch).En, GateVerdictTexts.For(ReasonCode.FaceMismatch).Zh), (lent.Message.En, lent.Message.Zh));
        Assert.True(lent.FaceDistance > 0.45, $"lent {lent.FaceDistance}");
        Assert.True(own.Admitted, own.ToLine());
        Assert.True(own.FaceDistance <= 0.45, $"own {own.FaceDistance}");
        // Frames are taken once and kept nowhere: not in the camera's folder, not in the data folder.
        Assert.Equal(0, gate.FramesWaiting);
        Assert.DoesNotContain(Directory.EnumerateFiles(gate.DataDirectory, "*", SearchOption.AllDirectories),
            f => f.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".png", StringComparison.OrdinalIgnoreCase));

        gate.Server.Down = false;
        Assert.True((await gate.Agent.UploadNowAsync()).Complete);
        Assert.Equal(lent.FaceDistance, gate.Server.Recorded[lent.Nonce].FaceDistance);
        Assert.Equal(ReasonCode.FaceMismatch, gate.Server.Recorded[lent.Nonce].Reason);
        Assert.Equal(own.FaceDistance, gate.Server.Recorded[own.Nonce].FaceDistance);
    }

    [Fact]
    public async Task Without_a_template_no_frame_is_taken_and_nothing_is_computed()
    {
        var enrolled = GateWorld.Issue();
        var withoutConsent = GateWorld.Issue();
        var reader = new CountingFaceReader();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: reader, faces: OneHolder(enrolled));
        gate.Show(FaceSamples.Impostor());

        var verdict = gate.Agent.Scan(withoutConsent.Code);

        Assert.True(verdict.Admitted, verdict.ToLine());
        Assert.Null(verdict.FaceDistance);
        Assert.Null(verdict.Notice);
        Assert.Equal(0, reader.Calls);
        Assert.Equal(1, gate.FramesWaiting);
        await gate.Agent.UploadNowAsync();
        Assert.Null(gate.Server.Recorded[verdict.Nonce].FaceDistance);
    }

    [Fact]
    public async Task A_person_the_server_takes_out_is_gone_from_the_agent_at_its_next_sync()
    {
        var withdrawn = GateWorld.Issue();
        var staying = GateWorld.Issue();
        var reader = new CountingFaceReader();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: reader, faces: new FakeFaces(true, false,
            [new(withdrawn.Payload.HolderId, FaceSamples.HolderTemplate), new(staying.Payload.HolderId, FaceSamples.HolderTemplate)]));
        Assert.Equal(2, gate.Agent.Status().Faces!.Templates);
        var file = Path.Combine(gate.DataDirectory, LocalCache.FacesFile);
        Assert.Contains(withdrawn.Payload.HolderId.ToString(), await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        // Consent withdrawn, a credential revoked or a zone taken away: the server's next set leaves the person out.
        gate.Server.Faces = new FakeFaces(true, false, [new(staying.Payload.HolderId, FaceSamples.HolderTemplate)]);
        Assert.True(await gate.Agent.SyncNowAsync());
        gate.Show(FaceSamples.Impostor());
        var verdict = gate.Agent.Scan(withdrawn.Code);

        Assert.Equal(1, gate.Agent.Status().Faces!.Templates);
        Assert.DoesNotContain(withdrawn.Payload.HolderId.ToString(), await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.True(verdict.Admitted, verdict.ToLine());
        Assert.Equal(0, reader.Calls);
        // And after a restart without the server, they do not come back.
        gate.Server.Down = true;
        await gate.RestartAsync();
        Assert.Equal(1, gate.Agent.Status().Faces!.Templates);
    }

    [Fact]
    public async Task Templates_rest_sealed_on_disk_and_a_restart_offline_keeps_checking()
    {
        var holder = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: new CountingFaceReader(), faces: OneHolder(holder));
        var file = Path.Combine(gate.DataDirectory, LocalCache.FacesFile);
        var stored = await File.ReadAllBytesAsync(file);
        var template = FaceSamples.HolderTemplate.ToBytes();

        Assert.False(stored.AsSpan().IndexOf(template.AsSpan(0, 64)) >= 0, "the template's bytes are in clear");
        Assert.DoesNotContain(Convert.ToBase64String(template)[..40], Encoding.UTF8.GetString(stored), StringComparison.Ordinal);

        gate.Server.Down = true;
        await gate.RestartAsync();
        gate.Show(FaceSamples.Impostor());
        Assert.Equal(ReasonCode.FaceMismatch, gate.Agent.Scan(holder.Code).Reason);

        // Another token (the device enrolled again) cannot open them: they are deleted, not used.
        await gate.RestartAsync(token: "dev_another_token_entirely");
        Assert.False(File.Exists(file));
        Assert.False(gate.Agent.Status().Faces!.Synced);
    }

    [Fact]
    public async Task A_revoked_device_deletes_its_templates()
    {
        var holder = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: new CountingFaceReader(), faces: OneHolder(holder));
        var file = Path.Combine(gate.DataDirectory, LocalCache.FacesFile);
        Assert.True(File.Exists(file));

        gate.Server.RefuseToken = true;
        Assert.False(await gate.Agent.SyncNowAsync());

        Assert.False(File.Exists(file));
        Assert.Equal(0, gate.Agent.Status().Faces!.Templates);
    }

    [Fact]
    public async Task Faces_switched_off_at_the_gate_decide_on_the_code_without_looking()
    {
        var holder = GateWorld.Issue();
        var reader = new CountingFaceReader();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: reader,
            faces: new FakeFaces(FacesOn: false, FaceLane: false, [new(holder.Payload.HolderId, FaceSamples.HolderTemplate)]));
        gate.Show(FaceSamples.Impostor());

        var verdict = gate.Agent.Scan(holder.Code);

        Assert.True(verdict.Admitted, verdict.ToLine());
        Assert.Equal(0, reader.Calls);
        Assert.Equal(0, gate.Agent.Status().Faces!.Templates);
        Assert.False(gate.Agent.Status().Faces!.FacesOn);
    }

    [Fact]
    public async Task Without_a_camera_the_gate_admits_on_the_code_and_says_the_face_was_not_checked()
    {
        var holder = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(faceReader: new CountingFaceReader(), faces: OneHolder(holder));

        var verdict = gate.Agent.Scan(holder.Code);

        Assert.True(verdict.Admitted, verdict.ToLine());
        Assert.Equal(AgentTexts.FaceNoCamera, verdict.Notice);
        Assert.Contains(AgentTexts.FaceNoCamera.Zh, verdict.ToLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_camera_gives_no_face_and_the_staff_check_the_person()
    {
        var holder = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: new CountingFaceReader(), faces: OneHolder(holder));

        var verdict = gate.Agent.Scan(holder.Code);

        Assert.Equal(ReasonCode.FaceMismatch, verdict.Reason);
        Assert.Equal(AgentTexts.FaceNoFrame, verdict.Notice);
        Assert.Null(verdict.FaceDistance);
    }

    [Fact]
    public async Task A_face_lane_admits_a_VIP_by_face_offline_and_asks_anyone_else_for_the_code()
    {
        var vip = GateWorld.Issue();
        var reader = new CountingFaceReader();
        await using var gate = await AgentHarness.StartAsync(localEndpoint: true, camera: true, faceReader: reader,
            faces: new FakeFaces(true, FaceLane: true, [new(vip.Payload.HolderId, FaceSamples.HolderTemplate, FastLane: true, vip.Code)]));
        gate.Server.Down = true;

        gate.Show(FaceSamples.Impostor());
        var stranger = await gate.PostScanAsync("");
        gate.Show(FaceSamples.HolderFrame());
        var byFace = await gate.PostScanAsync("");
        gate.Show(FaceSamples.HolderFrame());
        var again = gate.Agent.Scan("");

        Assert.Equal(ReasonCode.FaceLaneNoMatch, stranger.Reason);
        Assert.Null(stranger.CredentialId);
        Assert.Equal(GateVerdictTexts.For(ReasonCode.FaceLaneNoMatch).Zh, stranger.MessageZh);
        Assert.True(byFace.Admitted, byFace.Reason.ToString());
        Assert.Equal(vip.Id, byFace.CredentialId);
        Assert.True(byFace.FaceLane);
        Assert.True(byFace.FaceDistance < 0.45);
        // Decided as the person's code would be: hard anti-passback.
        Assert.Equal(ReasonCode.AlreadyInside, again.Reason);
        Assert.Equal(3, reader.Calls);

        gate.Server.Down = false;
        await gate.Agent.UploadNowAsync();
        var uploaded = gate.Server.Recorded[byFace.Nonce];
        Assert.Equal((vip.Code, true, byFace.FaceDistance), (uploaded.Code, uploaded.FaceLane, uploaded.FaceDistance));
        Assert.Equal(("", true), (gate.Server.Recorded[stranger.Nonce].Code, gate.Server.Recorded[stranger.Nonce].FaceLane));
    }

    [Fact]
    public async Task A_face_lane_without_a_camera_or_with_faces_off_asks_for_the_code()
    {
        var vip = GateWorld.Issue();
        await using var gate = await AgentHarness.StartAsync(faceReader: new CountingFaceReader(),
            faces: new FakeFaces(true, FaceLane: true, [new(vip.Payload.HolderId, FaceSamples.HolderTemplate, FastLane: true, vip.Code)]));

        var noCamera = gate.Agent.Scan("");
        gate.Server.Faces = new FakeFaces(FacesOn: false, FaceLane: true, []);
        Assert.True(await gate.Agent.SyncNowAsync());
        var facesOff = gate.Agent.Scan("");

        Assert.Equal((ReasonCode.FaceLaneNoMatch, AgentTexts.FaceNoCamera), (noCamera.Reason, noCamera.Notice));
        Assert.Equal((ReasonCode.FaceLaneNoMatch, (BilingualText?)null), (facesOff.Reason, facesOff.Notice));
    }

    [Fact]
    public async Task An_empty_code_at_a_gate_that_is_no_face_lane_is_a_bad_format_and_nothing_is_looked_at()
    {
        var holder = GateWorld.Issue();
        var reader = new CountingFaceReader();
        await using var gate = await AgentHarness.StartAsync(camera: true, faceReader: reader, faces: OneHolder(holder));
        gate.Show(FaceSamples.HolderFrame());

        Assert.Equal(ReasonCode.BadFormat, gate.Agent.Scan("").Reason);
        Assert.Equal(0, reader.Calls);
        Assert.Equal(1, gate.FramesWaiting);
    }

    [Fact]
    public async Task A_journal_of_the_version_before_faces_is_upgraded_with_its_scans()
    {
        var folder = Directory.CreateTempSubdirectory("summit-journal-").FullName;
        try
        {
            var path = Path.Combine(folder, GateAgent.JournalFile);
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE scans (seq INTEGER PRIMARY KEY AUTOINCREMENT, nonce TEXT NOT NULL UNIQUE, code TEXT NOT NULL, direction INTEGER NOT NULL,
                        reason INTEGER NOT NULL, scanned_at TEXT NOT NULL, credential_id TEXT NULL, zone INTEGER NULL, acknowledged_at TEXT NULL);
                    INSERT INTO scans (nonce, code, direction, reason, scanned_at) VALUES ('7d1c4a52-0a57-4a40-9b0b-3f7c1d9e0001', 'S1', 0, 10, '2021-11-09T01:00:00.0000000+00:00');
                    PRAGMA user_version = 1;
                    """;
                command.ExecuteNonQuery();
            }

            using var journal = GateJournal.Open(path);
            var old = Assert.Single(journal.Pending(10));
            journal.Append(new GateVerdict(Guid.NewGuid(), ReasonCode.FaceMismatch, GateDirection.Entry, GateWorld.Local(9, 9), null, null, 1, null,
                FaceDistance: 0.6512), "S2");

            Assert.Equal(("S1", (double?)null), (old.Code, old.FaceDistance));
            Assert.Equal(0.6512, journal.Pending(10)[1].FaceDistance);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static FakeFaces OneHolder(Credential holder) => new(FacesOn: true, FaceLane: false, [new(holder.Payload.HolderId, FaceSamples.HolderTemplate)]);
}
