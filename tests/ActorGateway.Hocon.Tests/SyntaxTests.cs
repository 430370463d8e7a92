namespace ActorGateway.Hocon.Tests;

public sealed class SyntaxTests
{
    [Theory]
    [InlineData("foo { bar = 10 }")]
    [InlineData("foo { bar : 10 }")]
    [InlineData("foo = { bar = 10 }")]
    [InlineData("foo : { bar : 10 }")]
    [InlineData("foo.bar = 10")]
    [InlineData("{ foo { bar = 10 } }")]
    [InlineData("{\"foo\":{\"bar\":10}}")]
    public void Load_nested_objects_in_any_spelling_give_the_same_key(string text)
    {
        Assert.Equal(["foo:bar=10"], Hocon.Pairs(text));
    }

    [Fact]
    public void Load_fields_separated_by_commas_or_newlines_are_all_read()
    {
        var pairs = Hocon.Pairs("a = 1, b = 2\nc = 3,\n\n d = 4,\n");

        Assert.Equal(["a=1", "b=2", "c=3", "d=4"], pairs);
    }

    [Fact]
    public void Load_windows_line_endings_leave_no_carriage_return_in_values()
    {
        var config = Hocon.Load("a = 1\r\nb = two words\r\nc = [x,\r\n y]\r\n");

        Assert.Equal("1", config["a"]);
        Assert.Equal("two words", config["b"]);
        Assert.Equal(["x", "y"], config.Elements("c"));
    }

    [Fact]
    public void Load_comments_with_hash_and_double_slash_are_ignored()
    {
        var pairs = Hocon.Pairs("# heading\na = 1 // trailing\n// whole line\nb = 2 # trailing");

        Assert.Equal(["a=1", "b=2"], pairs);
    }

    [Fact]
    public void Load_quoted_key_keeps_its_dots_in_one_element()
    {
        var config = Hocon.Load("\"a.b\".c = 1\nx.\"y.z\" = 2");

        Assert.Equal("1", config["a.b:c"]);
        Assert.Equal("2", config["x:y.z"]);
    }

    [Fact]
    public void Load_unquoted_words_concatenate_with_the_whitespace_between_them()
    {
        var config = Hocon.Load("a = foo bar   baz  \nb = \"x\" y \"z\"\nc = 1.5 and true");

        Assert.Equal("foo bar   baz", config["a"]);
        Assert.Equal("x y z", config["b"]);
        Assert.Equal("1.5 and true", config["c"]);
    }

    [Fact]
    public void Load_quoted_string_decodes_json_escapes()
    {
        var config = Hocon.Load("""a = "tab\there \"q\" back\\slash \u00e9 \/ nl\n" """);

        Assert.Equal("tab\there \"q\" back\\slash \u00e9 / nl\n", config["a"]);
    }

    [Fact]
    public void Load_triple_quoted_string_is_raw_and_may_span_lines()
    {
        var config = Hocon.Load("a = \"\"\"line one\n  \\n is not an escape\nend\"\"\"\"\nb = 1");

        Assert.Equal("line one\n  \\n is not an escape\nend\"", config["a"]);
        Assert.Equal("1", config["b"]);
    }

    [Fact]
    public void Load_null_gives_a_null_value_and_overrides_an_earlier_one()
    {
        var config = Hocon.Load("a = 1\na = null\nb = null x");

        Assert.Null(config["a"]);
        Assert.Equal("null x", config["b"]);
    }

    [Fact]
    public void Load_arrays_become_indexed_keys_with_commas_or_newlines_between_elements()
    {
        var config = Hocon.Load("a = [1, two, \"three\"]\nb = [\n  x\n  y,\n  z,\n]\nc = [[1], { k = v }]");

        Assert.Equal(["1", "two", "three"], config.Elements("a"));
        Assert.Equal(["x", "y", "z"], config.Elements("b"));
        Assert.Equal("1", config["c:0:0"]);
        Assert.Equal("v", config["c:1:k"]);
    }

    [Fact]
    public void Load_array_concatenation_appends_and_object_concatenation_merges()
    {
        var config = Hocon.Load("a = [1, 2] [3]\nb = { x = 1, y = 1 } { y = 2 }");

        Assert.Equal(["1", "2", "3"], config.Elements("a"));
        Assert.Equal("1", config["b:x"]);
        Assert.Equal("2", config["b:y"]);
    }

    [Fact]
    public void Load_keys_lose_their_dashes_so_kebab_case_matches_pascal_case()
    {
        var config = Hocon.Load("heartbeat-interval = 10\nmax-frame-size = 2\nnested-group { some-key = x }");

        Assert.Equal("10", config["HeartbeatInterval"]);
        Assert.Equal("2", config["MaxFrameSize"]);
        Assert.Equal("x", config["NestedGroup:SomeKey"]);
    }

    [Fact]
    public void Load_key_with_spaces_keeps_the_inner_space()
    {
        var config = Hocon.Load("foo bar = 1");

        Assert.Equal("1", config["foo bar"]);
    }

    [Fact]
    public void Load_empty_object_and_array_are_present_with_null_values()
    {
        var config = Hocon.Load("a {}\nb = []\nc = 1");

        Assert.Contains(config.AsEnumerable(), pair => pair.Key == "a" && pair.Value is null);
        Assert.Contains(config.AsEnumerable(), pair => pair.Key == "b" && pair.Value is null);
    }

    [Fact]
    public void Load_include_as_a_quoted_key_is_an_ordinary_field()
    {
        var config = Hocon.Load("\"include\" = 5\ninclude-path = x");

        Assert.Equal("5", config["include"]);
        Assert.Equal("x", config["includepath"]);
    }
}
