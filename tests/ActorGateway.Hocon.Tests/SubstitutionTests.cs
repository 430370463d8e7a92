namespace ActorGateway.Hocon.Tests;

public sealed class SubstitutionTests
{
    [Fact]
    public void Load_substitution_copies_a_value_defined_later_in_the_document()
    {
        var config = Hocon.Load("a = ${b.c}\nb { c = 42 }\nb.c = 43");

        Assert.Equal("43", config["a"]);
    }

    [Fact]
    public void Load_substitution_of_an_object_copies_all_its_fields_after_merging()
    {
        var pairs = Hocon.Pairs("defaults { x = 1 }\ncopy = ${defaults}\ndefaults { y = 2 }");

        Assert.Equal(["copy:x=1", "copy:y=2", "defaults:x=1", "defaults:y=2"], pairs);
    }

    [Fact]
    public void Load_substitution_inside_string_concatenation_joins_text()
    {
        var config = Hocon.Load("host = example.org\nurl = \"https://\"${host}\":5035\"\nsentence = the host is ${host}");

        Assert.Equal("https://example.org:5035", config["url"]);
        Assert.Equal("the host is example.org", config["sentence"]);
    }

    [Fact]
    public void Load_field_may_refer_to_a_sibling_in_the_same_object()
    {
        var config = Hocon.Load("bar { foo = 42, baz = ${bar.foo} }");

        Assert.Equal("42", config["bar:baz"]);
    }

    [Fact]
    public void Load_substitutions_can_extend_an_object_from_another_path()
    {
        var pairs = Hocon.Pairs("data-center-generic { cluster-size = 6 }\ndata-center-east = ${data-center-generic} { name = east }");

        Assert.Contains("datacentereast:clustersize=6", pairs);
        Assert.Contains("datacentereast:name=east", pairs);
    }

    [Fact]
    public void Load_optional_substitution_that_is_absent_leaves_the_field_out_or_keeps_its_earlier_value()
    {
        var missing = TemporaryEnvironmentVariable.UnsetName();
        var pairs = Hocon.Pairs($"a = ${{?{missing}}}\nb = 1\nb = ${{?{missing}}}\nc = [x, ${{?{missing}}}]\nd = x${{?{missing}}}y");

        Assert.Equal(["b=1", "c:0=x", "d=xy"], pairs);
    }

    [Fact]
    public void Load_substitution_falls_back_to_an_environment_variable()
    {
        using var variable = new TemporaryEnvironmentVariable("from the environment");

        var config = Hocon.Load($"secret = ${{{variable.Name}}}\noptional = ${{?{variable.Name}}}");

        Assert.Equal("from the environment", config["secret"]);
        Assert.Equal("from the environment", config["optional"]);
    }

    [Fact]
    public void Load_configuration_path_wins_over_an_environment_variable_of_the_same_name()
    {
        using var variable = new TemporaryEnvironmentVariable("environment");

        var config = Hocon.Load($"{variable.Name} = file\nvalue = ${{{variable.Name}}}");

        Assert.Equal("file", config["value"]);
    }

    [Fact]
    public void Load_self_reference_extends_the_earlier_value()
    {
        var config = Hocon.Load("path = [a, b]\npath = ${path} [c]\nname = foo\nname = ${name}bar\nobj { x = 1 }\nobj = ${obj} { y = 2 }");

        Assert.Equal(["a", "b", "c"], config.Elements("path"));
        Assert.Equal("foobar", config["name"]);
        Assert.Equal("1", config["obj:x"]);
        Assert.Equal("2", config["obj:y"]);
    }

    [Fact]
    public void Load_self_reference_inside_a_nested_object_sees_the_earlier_nested_value()
    {
        var config = Hocon.Load("a { list = [1] }\na { list = ${a.list} [2] }");

        Assert.Equal(["1", "2"], config.Elements("a:list"));
    }

    [Fact]
    public void Load_reference_to_a_child_of_the_field_being_defined_looks_at_its_earlier_value()
    {
        var pairs = Hocon.Pairs("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");

        Assert.Equal(["foo:a=2", "foo:c=1"], pairs);
    }

    [Fact]
    public void Load_object_extended_by_self_reference_still_merges_with_later_definitions()
    {
        var pairs = Hocon.Pairs("a { x = 1 }\na = ${a} { y = 2 }\na { z = 3 }\na.x = 4\nb = ${a}");

        Assert.Equal(["a:x=4", "a:y=2", "a:z=3", "b:x=4", "b:y=2", "b:z=3"], pairs);
    }

    [Fact]
    public void Load_plus_equals_appends_to_an_array_and_creates_it_when_absent()
    {
        var config = Hocon.Load("a = [1]\na += 2\na += 3\nb += x");

        Assert.Equal(["1", "2", "3"], config.Elements("a"));
        Assert.Equal(["x"], config.Elements("b"));
    }

    [Fact]
    public void Load_optional_self_reference_without_an_earlier_value_is_empty()
    {
        var missing = TemporaryEnvironmentVariable.UnsetName();
        var config = Hocon.Load($"{missing} = ${{?{missing}}} tail");

        Assert.Equal(" tail", config[missing]);
    }

    [Fact]
    public void Load_substitution_in_an_included_file_is_tried_relative_to_the_include_point_first()
    {
        using var directory = new TempDirectory();
        directory.Write("inner.conf", "x = 1\ny = ${x}\nz = ${top}");
        var main = directory.Write("main.conf", "top = outer\nx = wrong\nnested { include \"inner.conf\" }");

        var config = Hocon.LoadFile(main);

        Assert.Equal("1", config["nested:y"]);
        Assert.Equal("outer", config["nested:z"]);
    }
}
