namespace ActorGateway.Hocon.Syntax;

/// <summary>An include statement: the file name as written, relative to <see cref="Directory"/> unless rooted.</summary>
internal sealed record HoconInclude(string Name, bool Required, HoconPosition Position, string Directory);
