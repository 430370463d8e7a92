namespace ActorGateway.Hocon.Tree;

internal enum HoconScalarKind
{
    /// <summary>Unquoted text: numbers, booleans and words; durations and sizes in it are converted.</summary>
    Unquoted,

    /// <summary>Quoted or triple-quoted text, taken literally.</summary>
    Quoted,

    /// <summary>The keyword <c>null</c>.</summary>
    Null,

    /// <summary>Whitespace between two parts of a concatenation; kept only when strings are joined.</summary>
    Whitespace,
}
