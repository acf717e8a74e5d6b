namespace Summit.Server.Screening;

/// <summary>Summit:Mqtt: the in-process broker, or an external one (Mosquitto) when BrokerHost is set.</summary>
public sealed class MqttOptions
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
}
