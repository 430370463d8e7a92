namespace ActorGateway.Hocon.Tests;

public sealed class IncludeTests
{
    [Theory]
    [InlineData("include \"base.conf\"")]
    [InlineData("include file(\"base.conf\")")]
    [InlineData("include required(\"base.conf\")")]
    [InlineData("include required(file(\"base.conf\"))")]
    [InlineData("include \"base\"")]
    public void AddHoconFile_include_forms_all_read_the_file(string include)
    {
        using var directory = new TempDirectory();
        directory.Write("base.conf", "a = 1\nb { c = 2 }");
        var main = directory.Write("main.conf", include + "\nb.d = 3");

        var config = Hocon.LoadFile(main);

        Assert.Equal("1", config["a"]);
        Assert.Equal("2", config["b:c"]);
        Assert.Equal("3", config["b:d"]);
    }

    [Fact]
    public void AddHoconFile_fields_after_an_include_override_it_and_fields_before_are_overridden()
    {
        using var directory = new TempDirectory();
        directory.Write("reference.conf", "before = included\nafter = included\nobj { x = included, y = included }");
        var main = directory.Write("app.conf", "before = main\ninclude \"reference.conf\"\nafter = main\nobj.y = main");

        var config = Hocon.LoadFile(main);

        Assert.Equal("included", config["before"]);
        Assert.Equal("main", config["after"]);
        Assert.Equal("included", config["obj:x"]);
        Assert.Equal("main", config["obj:y"]);
    }

    [Fact]
    public void AddHoconFile_include_is_relative_to_the_including_file_and_nests_inside_an_object()
    {
        using var directory = new TempDirectory();
        directory.Write("conf/parts/leaf.conf", "value = leaf");
        directory.Write("conf/middle.conf", "include \"parts/leaf.conf\"\nmiddle = yes");
        var main = directory.Write("main.conf", "section { include \"conf/middle.conf\" }");

        var config = Hocon.LoadFile(main);

        Assert.Equal("leaf", config["section:value"]);
        Assert.Equal("yes", config["section:middle"]);
    }

    [Fact]
    public void AddHoconFile_missing_optional_include_is_ignored()
    {
        using var directory = new TempDirectory();
        var main = directory.Write("main.conf", "include \"absent.conf\"\na = 1");

        var config = Hocon.LoadFile(main);

        Assert.Equal("1", config["a"]);
    }

    [Fact]
    public void AddHoconFile_relative_path_uses_the_builder_base_path()
    {
        using var directory = new TempDirectory();
        directory.Write("settings.conf", "a = 1");

        var config = new ConfigurationBuilder().SetBasePath(directory.Path).AddHoconFile("settings.conf").Build();

        Assert.Equal("1", config["a"]);
    }

    [Fact]
    public void AddHoconFile_missing_file_throws_unless_optional()
    {
        using var directory = new TempDirectory();
        var absent = Path.Combine(directory.Path, "absent.conf");

        var optional = new ConfigurationBuilder().AddHoconFile(absent, optional: true).Build();
        var error = Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddHoconFile(absent).Build());

        Assert.Empty(optional.AsEnumerable());
        Assert.Equal(absent, error.FileName);
    }

    [Fact]
    public void AddHoconFile_later_file_overrides_an_earlier_one()
    {
        using var directory = new TempDirectory();
        var reference = directory.Write("reference.conf", "a = 1\nb = 1");
        var user = directory.Write("user.conf", "b = 2");

        var config = new ConfigurationBuilder().AddHoconFile(reference).AddHoconFile(user).Build();

        Assert.Equal("1", config["a"]);
        Assert.Equal("2", config["b"]);
    }
}
