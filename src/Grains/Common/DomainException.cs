namespace OrleansTraining.Grains.Common;

/// <summary>A request broke a domain rule; the gateway maps each subtype to an RFC 9457 problem (400/403/404/409).</summary>
public abstract class DomainException(string message) : Exception(message);
