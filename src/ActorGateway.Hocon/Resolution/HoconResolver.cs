using ActorGateway.Hocon.Tree;

namespace ActorGateway.Hocon.Resolution;

/// <summary>
/// Resolves substitutions against the whole merged document, then the environment. Each deferred value is resolved once;
/// meeting a value that is still being resolved is a cycle. A null result means "absent": an optional substitution
/// that found nothing, which leaves a field out, an array element out, or a concatenation part empty.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconNode, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconNode> _active = [];

    private HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves the document rooted at <paramref name="root"/>.</summary>
    /// <param name="root">The merged document.</param>
    /// <param name="environment">Looks up an environment variable by name; null when it is not set.</param>
    /// <exception cref="HoconParseException">A required substitution is unresolved, substitutions form a cycle, or values of
    /// different kinds are concatenated.</exception>
    public static HoconMap Resolve(HoconObject root, Func<string, string?> environment) =>
        (HoconMap)new HoconResolver(root, environment).Resolve(root)!;

    private HoconValue? Resolve(HoconNode node)
    {
        if (_resolved.TryGetValue(node, out var done))
        {
            return done;
        }

        var cycleStart = _active.IndexOf(node);
        if (cycleStart >= 0)
        {
            throw CycleError(cycleStart);
        }

        _active.Add(node);
        var value = node switch
        {
            HoconScalar scalar => ResolveScalar(scalar),
            HoconObject obj => ResolveObject(obj),
            HoconArray array => new HoconList([.. array.Elements.Select(Resolve).OfType<HoconValue>()]),
            HoconSubstitution substitution => ResolveSubstitution(substitution),
            HoconConcatenation concatenation => HoconConcatenator.Concatenate(concatenation, Resolve),
            HoconMerge merge => ResolveMerge(merge),
            _ => throw new InvalidOperationException($"Unknown node type {node.GetType().Name}."),
        };
        _active.RemoveAt(_active.Count - 1);
        _resolved[node] = value;
        return value;
    }

    private static HoconText ResolveScalar(HoconScalar scalar) =>
        new(scalar.Kind == HoconScalarKind.Null ? null : scalar.Text, Literal: scalar.Kind == HoconScalarKind.Quoted);

    private HoconMap ResolveObject(HoconObject obj)
    {
        var fields = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        foreach (var (key, node) in obj.Fields)
        {
            if (Resolve(node) is { } value)
            {
                fields[key] = value;
            }
        }

        return new HoconMap(fields);
    }

    private HoconValue? ResolveMerge(HoconMerge merge)
    {
        var next = Resolve(merge.Next);
        if (next is null)
        {
            return Resolve(merge.Previous);
        }

        return next is HoconMap nextMap && Resolve(merge.Previous) is HoconMap previousMap
            ? HoconMap.Merge(previousMap, nextMap)
            : next;
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution)
    {
        var value = substitution.IsSelfReference
            ? substitution.Previous is null ? null : Descend(Resolve(substitution.Previous), substitution.PathInPrevious, 0)
            : (substitution.Prefix.Count > 0 ? Lookup(substitution.AbsolutePath) : null) ?? Lookup(substitution.Path);
        if (value is not null)
        {
            return value;
        }

        // Environment values are never echoed anywhere: they are how secrets reach the configuration.
        if (_environment(substitution.Name) is { } fromEnvironment)
        {
            return new HoconText(fromEnvironment, Literal: false, FromEnvironment: true);
        }

        return substitution.Optional
            ? null
            : throw substitution.Position.Error($"cannot resolve ${{{substitution.Name}}}: no such path in the configuration "
                + $"and no environment variable '{substitution.Name}'");
    }

    /// <summary>
    /// The value at <paramref name="path"/>, descending through parsed objects without resolving them whole, so a field
    /// may refer to a sibling (<c>a { x = 1, y = ${a.x} }</c>) without being a cycle.
    /// </summary>
    private HoconValue? Lookup(IReadOnlyList<string> path)
    {
        HoconNode node = _root;
        for (var i = 0; i < path.Count; i++)
        {
            if (node is not HoconObject obj)
            {
                return Descend(Resolve(node), path, i);
            }

            if (!obj.TryGet(path[i], out node!))
            {
                return null;
            }
        }

        return Resolve(node);
    }

    /// <summary>The value at <paramref name="path"/>[<paramref name="from"/>..] inside <paramref name="value"/>, or null.</summary>
    private static HoconValue? Descend(HoconValue? value, IReadOnlyList<string> path, int from)
    {
        for (var i = from; i < path.Count; i++)
        {
            value = value is HoconMap map ? map.Fields.GetValueOrDefault(path[i]) : null;
        }

        return value;
    }

    private HoconParseException CycleError(int cycleStart)
    {
        var substitutions = _active.Skip(cycleStart).OfType<HoconSubstitution>().ToList();
        var chain = string.Join(" -> ", substitutions.Append(substitutions[0]).Select(s => $"${{{s.Name}}}"));
        return substitutions[^1].Position.Error($"substitution cycle: {chain}");
    }
}
