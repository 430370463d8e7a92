using ActorGateway.Hocon.Syntax;

namespace ActorGateway.Hocon.Tree;

/// <summary>An object being built by the parser; later fields with the same key replace or merge into earlier ones.</summary>
internal sealed class HoconObject(HoconPosition position) : HoconNode(position)
{
    private readonly Dictionary<string, HoconNode> _fields = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, HoconNode>> Fields => _fields;

    public bool TryGet(string key, out HoconNode value) => _fields.TryGetValue(key, out value!);

    public void Set(string key, HoconNode value) => _fields[key] = value;
}
