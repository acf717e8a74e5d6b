using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Screening;

/// <summary>Summit:Mqtt: the in-process broker, or an external one (Mosquitto) when BrokerHost is set.</summary>
public sealed class MqttOptions : IValidatedOptions
{
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

    public bool UsesExternalBroker => !string.IsNullOrWhiteSpace(BrokerHost);

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
    }
}
