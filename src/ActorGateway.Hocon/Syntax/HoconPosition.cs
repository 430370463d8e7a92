namespace ActorGateway.Hocon.Syntax;

/// <summary>Where a token or value was written: the file (or source name), 1-based line and column.</summary>
internal sealed record HoconPosition(string File, int Line, int Column)
{
    public HoconParseException Error(string reason) => new(File, Line, Column, reason);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
