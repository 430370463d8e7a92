namespace ActorGateway.Hocon.Tests;

public sealed class MergeTests
{
    [Fact]
    public void Load_duplicate_key_later_value_wins()
    {
        var config = Hocon.Load("a = 1\na = 2\nb = [1]\nb = [2, 3]");

        Assert.Equal("2", config["a"]);
        Assert.Equal(["2", "3"], config.Elements("b"));
    }

    [Fact]
    public void Load_duplicate_objects_merge_with_later_fields_winning()
    {
        var config = Hocon.Load("foo { a = 42, c = 5 }\nfoo { b = 43, c = 6 }");

        Assert.Equal("42", config["foo:a"]);
        Assert.Equal("43", config["foo:b"]);
        Assert.Equal("6", config["foo:c"]);
    }

    [Fact]
    public void Load_dotted_keys_merge_into_an_object_defined_with_braces()
    {
        var pairs = Hocon.Pairs("a { b { c = 1 } }\na.b.d = 2\na.e = 3");

        Assert.Equal(["a:b:c=1", "a:b:d=2", "a:e=3"], pairs);
    }

    [Fact]
    public void Load_object_after_a_non_object_replaces_it()
    {
        Assert.Equal(["a:x=1"], Hocon.Pairs("a = 5\na { x = 1 }"));
    }

    [Fact]
    public void Load_non_object_after_an_object_replaces_it()
    {
        Assert.Equal(["a=5"], Hocon.Pairs("a { x = 1 }\na = 5"));
    }

    [Fact]
    public void Load_object_hidden_by_a_non_object_does_not_merge_with_a_later_object()
    {
        Assert.Equal(["a:y=2"], Hocon.Pairs("a { x = 1 }\na = null\na { y = 2 }"));
    }

    [Fact]
    public void Load_nested_objects_merge_at_every_level()
    {
        var pairs = Hocon.Pairs("a { b { c = 1, d = 1 }, e = 1 }\na { b { d = 2 }, f = 2 }");

        Assert.Equal(["a:b:c=1", "a:b:d=2", "a:e=1", "a:f=2"], pairs);
    }
}
