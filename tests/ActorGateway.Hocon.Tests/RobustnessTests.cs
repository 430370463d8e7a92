namespace ActorGateway.Hocon.Tests;

public sealed class RobustnessTests
{
    // Fragments that exercise every token kind, mixed at random so most documents are broken in some way.
    private static readonly string[] s_fragments =
    [
        "a", "b.c", "\"q.k\"", " ", "\n", ",", ":", "=", "+=", "{", "}", "[", "]", "${a}", "${?b.c}", "${", "\"", "\"\"\"",
        "\\", "\\u00", "#c\n", "//c\n", "10s", "16MiB", "null", "true", "include", "include \"none.conf\"", "required(", ")",
        "^", "$", "-", ".", "\r\n", "\t",
    ];

    [Fact]
    public void Load_random_fragments_either_load_or_fail_with_a_located_parse_error()
    {
        var random = new Random(20261122);
        var failures = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 24)).Select(_ => s_fragments[random.Next(s_fragments.Length)]));
            try
            {
                Hocon.Load(text);
            }
            catch (HoconParseException error) when (error.Line >= 1 && error.Column >= 1)
            {
                // The expected outcome for broken input.
            }
            catch (Exception error)
            {
                failures.Add($"{error.GetType().Name} for {text.ReplaceLineEndings("\\n")}: {error.Message}");
            }
        }

        Assert.Empty(failures);
    }
}
