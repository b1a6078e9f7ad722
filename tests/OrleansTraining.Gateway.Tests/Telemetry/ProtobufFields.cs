namespace OrleansTraining.Gateway.Tests.Telemetry;

/// <summary>
/// The protobuf wire format, just enough to read OTLP requests (no OTLP proto types are served as a package):
/// a message is a run of (field number, wire type, value); nested messages, strings and bytes are length-delimited.
/// </summary>
public readonly record struct ProtobufField(int Number, int WireType, ulong Scalar, ReadOnlyMemory<byte> Bytes)
{
    private const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);

    public string Hex => Convert.ToHexStringLower(Bytes.Span);

    public static IEnumerable<ProtobufField> Read(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message.Span, ref position);
            var number = (int)(key >> 3);
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case Varint:
                    yield return new ProtobufField(number, wireType, ReadVarint(message.Span, ref position), ReadOnlyMemory<byte>.Empty);
                    break;
                case Fixed64:
                    yield return new ProtobufField(number, wireType, BitConverter.ToUInt64(message.Span.Slice(position, 8)), ReadOnlyMemory<byte>.Empty);
                    position += 8;
                    break;
                case LengthDelimited:
                    var length = (int)ReadVarint(message.Span, ref position);
                    yield return new ProtobufField(number, wireType, 0, message.Slice(position, length));
                    position += length;
                    break;
                case Fixed32:
                    yield return new ProtobufField(number, wireType, BitConverter.ToUInt32(message.Span.Slice(position, 4)), ReadOnlyMemory<byte>.Empty);
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Wire type {wireType} of field {number} is not used by OTLP.");
            }
        }
    }

    /// <summary>The fields of a message with this number (a repeated field yields one per occurrence).</summary>
    public static IEnumerable<ProtobufField> Read(ReadOnlyMemory<byte> message, int number) =>
        Read(message).Where(f => f.Number == number);

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
