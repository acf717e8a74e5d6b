using Microsoft.Extensions.Logging.Abstractions;
using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

public sealed class JournalTests
{
    [Fact]
    public async Task Every_scan_is_on_disk_when_it_is_answered()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Server.Down = true;
        var guest = GateWorld.Issue();
        var verdicts = new[] { h.Agent.Scan(guest.Code), h.Agent.Scan("S1NOTACODE"), h.Agent.Scan(guest.Code, GateDirection.Exit) };

        // A power cut right now: copy the files as they are on disk while the agent still runs, then start from the copy.
        var copy = Directory.CreateTempSubdirectory("summit-gate-crash-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(h.DataDirectory))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
            await using var restarted = new GateAgent(h.Options(dataDirectory: copy), h.Time, NullLoggerFactory.Instance);
            await restarted.StartAsync();

            Assert.Equal(3, restarted.Status().PendingUploads);
            h.Server.Down = false;
            Assert.True((await restarted.UploadNowAsync()).Complete);
            Assert.Equal(verdicts.Select(v => v.Nonce).Order(), h.Server.Recorded.Keys.Order());
            var exit = h.Server.Recorded[verdicts[2].Nonce];
            Assert.Equal((guest.Code, GateDirection.Exit, ReasonCode.Admitted, h.Time.GetUtcNow()), (exit.Code, exit.Direction, exit.Reason, exit.ScannedAt));
            Assert.Equal(ReasonCode.BadFormat, h.Server.Recorded[verdicts[1].Nonce].Reason);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Scans_not_uploaded_before_a_stop_are_still_pending_and_still_known_after_a_restart()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Server.Down = true;
        var guest = GateWorld.Issue();
        Assert.True(h.Agent.Scan(guest.Code).Admitted);
        h.Agent.Scan("garbage");

        var restarted = await h.RestartAsync();

        Assert.Equal(2, restarted.Status().PendingUploads);
        Assert.Equal(ReasonCode.AlreadyInside, restarted.Scan(guest.Code).Reason);
        Assert.Equal(3, restarted.Status().PendingUploads);
    }

    [Fact]
    public async Task A_damaged_journal_stops_the_start_with_its_path_instead_of_losing_scans()
    {
        await using var h = await AgentHarness.StartAsync();
        h.Agent.Scan(GateWorld.Issue().Code);
        await h.Agent.StopAsync();
        var path = Path.Combine(h.DataDirectory, GateAgent.JournalFile);
        var bytes = File.ReadAllBytes(path);
        bytes.AsSpan(0, 100).Fill(0xA5);
        File.WriteAllBytes(path, bytes);

        var error = await Assert.ThrowsAsync<LocalDataException>(() => h.RestartAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_of_an_unknown_schema_version_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("summit-gate-journal-").FullName;
        try
        {
            var path = Path.Combine(folder, GateAgent.JournalFile);
            GateJournal.Open(path).Dispose();
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA user_version = 99";
                command.ExecuteNonQuery();
            }

            var error = Assert.Throws<LocalDataException>(() => GateJournal.Open(path));

            Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
