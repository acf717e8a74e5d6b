using System.Text.RegularExpressions;
using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Screening;

/// <summary>Summit:Mqtt: the in-process broker, or an external one (Mosquitto) when BrokerHost is set.</summary>
public sealed partial class MqttOptions : IValidatedOptions
{
    /// <summary>Summit's logins on an external broker start with this (summit-ingest, summit-ingest-2, …): no sensor may be enrolled under one.</summary>
    public const string IngestLoginPrefix = "summit-ingest";

    /// <summary>Port of the in-process broker; 0 starts none (and then, without BrokerHost, nothing is ingested).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>The one address the in-process broker listens on: loopback unless sensors on the network must reach it (then "0.0.0.0" or one address).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// The largest MQTT packet the in-process broker takes, header included; a bigger one ends its connection at its header, before
    /// anything of it is buffered. A reading is about 200 bytes (its payload at most <see cref="Ingestion.SensorMessages.MaxPayloadBytes"/>).
    /// </summary>
    public int MaxPacketBytes { get; set; } = 4096;

    /// <summary>An external broker to subscribe to instead of starting one; Username, Password and ClientId are Summit's login there.</summary>
    public string? BrokerHost { get; set; }

    public int BrokerPort { get; set; } = 1883;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string ClientId { get; set; } = "summit-ingest";

    /// <summary>
    /// With several Summit processes on one external broker: the name of the shared subscription they read through
    /// ("$share/{SharedGroup}/summit/v1/sensors/+/readings"), so the broker hands each reading to one of them and, when one dies, to
    /// the others. Each process then needs its own login (and client id): two logins alike would take each other's session.
    /// </summary>
    public string? SharedGroup { get; set; }

    public bool UsesExternalBroker => !string.IsNullOrWhiteSpace(BrokerHost);

    /// <summary>What Summit subscribes to on the external broker: the readings, through the shared group when one is named.</summary>
    public string SubscriptionFilter => string.IsNullOrEmpty(SharedGroup)
        ? Ingestion.SensorMessages.SubscriptionFilter
        : $"$share/{SharedGroup}/{Ingestion.SensorMessages.SubscriptionFilter}";

    public IEnumerable<string> Problems()
    {
        if (Port is < 0 or > 65535 || BrokerPort is < 1 or > 65535)
        {
            yield return "Summit:Mqtt: Port must be from 0 (no in-process broker) to 65535, BrokerPort from 1 to 65535.";
        }

        if (!System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            yield return $"Summit:Mqtt:BindAddress: {BindAddress} is not an IP address.";
        }

        if (MaxPacketBytes is < 256 or > 1_048_576)
        {
            yield return $"Summit:Mqtt:MaxPacketBytes must be from 256 to 1048576 (a reading is about 200 bytes); it is {MaxPacketBytes}.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "Summit:Mqtt:ClientId must not be empty.";
        }

        if (SharedGroup is not null && !SharedGroupPattern().IsMatch(SharedGroup))
        {
            yield return "Summit:Mqtt:SharedGroup must be 1 to 64 letters, digits, '_' or '-' (it becomes part of a topic filter).";
        }

        if (!string.IsNullOrEmpty(SharedGroup) && !UsesExternalBroker)
        {
            yield return "Summit:Mqtt:SharedGroup needs an external broker (Summit:Mqtt:BrokerHost): the in-process broker serves one process only.";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SharedGroupPattern();
}
