namespace ActorGateway.Hocon.Tests;

public sealed class ErrorTests
{
    [Theory]
    [InlineData("a {\n  b = 1\n", 1, 3, "unclosed '{'")]
    [InlineData("a = [1, 2\n", 1, 5, "unclosed '['")]
    [InlineData("a = [1, 2\nb = 3]", 2, 3, "expected ',' or a new line after the array element")]
    [InlineData("a = \"x\\q\"", 1, 7, "bad escape")]
    [InlineData("a = \"\\u12\"", 1, 6, "bad escape")]
    [InlineData("a = \"open\nb = 1", 1, 5, "unclosed string")]
    [InlineData("a = \"\"\"open", 1, 5, "unclosed triple-quoted string")]
    [InlineData("a = 1\nb = \nc = 3", 2, 5, "missing value for the key 'b'")]
    [InlineData("a = 1\nb.c =", 2, 6, "missing value for the key 'b.c'")]
    [InlineData("a = [1,,2]", 1, 8, "two commas in a row")]
    [InlineData("a 1\n", 1, 4, "expected '=', ':', '+=' or '{' after the key 'a 1'")]
    [InlineData("a..b = 1", 1, 1, "bad key")]
    [InlineData("= 1", 1, 1, "expected a key")]
    [InlineData("a = 1 }", 1, 7, "expected ',' or a new line")]
    [InlineData("{ a = 1 }\nb = 2", 2, 1, "after the end of the document")]
    [InlineData("a = b^c", 1, 6, "'^' is not allowed here")]
    [InlineData("a = ${b", 1, 5, "unclosed substitution")]
    [InlineData("a = ${}", 1, 5, "bad substitution path")]
    [InlineData("a = [1] x", 1, 5, "cannot concatenate an array with a string")]
    [InlineData("include url(\"http://example.org/a.conf\")", 1, 1, "only file includes are supported")]
    public void Load_malformed_text_names_line_and_column(string text, int line, int column, string reason)
    {
        var error = Hocon.Fails(text);

        Assert.Equal(("<string>", line, column), (error.File, error.Line, error.Column));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"<string>:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_unresolved_required_substitution_names_the_path_and_its_position()
    {
        var missing = TemporaryEnvironmentVariable.UnsetName();

        var error = Hocon.Fails($"a = 1\nb = x ${{{missing}}}");

        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("${" + missing + "}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_substitution_cycle_names_every_step_and_the_closing_substitution()
    {
        var error = Hocon.Fails("a = ${b}\nb = ${c}\nc = ${a}");

        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Contains("${b} -> ${c} -> ${a} -> ${b}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_object_that_contains_a_reference_to_itself_is_a_cycle()
    {
        var error = Hocon.Fails("a { b = ${a} }");

        Assert.Equal((1, 9), (error.Line, error.Column));
        Assert.Contains("cycle", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_error_never_shows_the_value_of_an_environment_variable()
    {
        using var secret = new TemporaryEnvironmentVariable("hunter2-very-secret");

        var error = Hocon.Fails($"a = ${{{secret.Name}}} [1]");

        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddHoconFile_missing_required_include_names_the_including_file_line_and_column()
    {
        using var directory = new TempDirectory();
        var main = directory.Write("main.conf", "a = 1\n  include required(\"absent.conf\")\n");

        var error = Assert.Throws<HoconParseException>(() => Hocon.LoadFile(main));

        Assert.Equal((main, 2, 3), (error.File, error.Line, error.Column));
        Assert.Contains("absent.conf", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHoconFile_error_inside_an_included_file_names_that_file()
    {
        using var directory = new TempDirectory();
        var broken = directory.Write("broken.conf", "ok = 1\nbad = {\n");
        var main = directory.Write("main.conf", "include \"broken.conf\"");

        var error = Assert.Throws<HoconParseException>(() => Hocon.LoadFile(main));

        Assert.Equal((broken, 2, 7), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void AddHoconFile_include_cycle_is_an_error_at_the_include_that_closes_it()
    {
        using var directory = new TempDirectory();
        var first = directory.Write("first.conf", "include \"second.conf\"");
        var second = directory.Write("second.conf", "x = 1\ninclude \"first.conf\"");

        var error = Assert.Throws<HoconParseException>(() => Hocon.LoadFile(first));

        Assert.Equal((second, 2, 1), (error.File, error.Line, error.Column));
        Assert.Contains("include cycle", error.Reason, StringComparison.Ordinal);
    }
}
