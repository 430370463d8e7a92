namespace ActorGateway.Hocon.Syntax;

/// <summary>
/// One token. <see cref="Text"/> is the decoded text of strings and whitespace; a substitution carries its
/// <see cref="Path"/> and whether it is optional (<c>${?path}</c>).
/// </summary>
internal sealed record HoconToken(HoconTokenKind Kind, string Text, HoconPosition Position)
{
    public IReadOnlyList<string> Path { get; init; } = [];

    public bool Optional { get; init; }

    public bool IsString => Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted;
}
