using System.Text;
using Cloudflare.OpenApi.Infrastructure;

namespace Cloudflare.Workflows.Tests.Requests;

/// <summary>
/// The runtime half of object, map and union query parameters: <see cref="RequestBuilder.AppendQueryJson"/> writes a
/// value's JSON as the OpenAPI style says (the generator's wire tests cover the generated calls).
/// </summary>
public sealed class StructuredQueryTests
{
    [Theory]
    [InlineData("""{"r":100,"g":200}""", QueryStyle.Form, "?r=100&g=200")]
    [InlineData("""{"r":100,"g":200}""", QueryStyle.FormUnexploded, "?color=r,100,g,200")]
    [InlineData("""{"r":100,"g":200}""", QueryStyle.SpaceDelimited, "?color=r%20100%20g%20200")]
    [InlineData("""{"r":100,"g":200}""", QueryStyle.PipeDelimited, "?color=r%7C100%7Cg%7C200")]
    [InlineData("""{"r":100,"g":200}""", QueryStyle.DeepObject, "?color%5Br%5D=100&color%5Bg%5D=200")]
    [InlineData("""{"a":{"gt":1,"in":["x","y"]}}""", QueryStyle.DeepObject, "?color%5Ba%5D%5Bgt%5D=1&color%5Ba%5D%5Bin%5D=x&color%5Ba%5D%5Bin%5D=y")]
    [InlineData("""{"tags":["a","b"],"on":true,"off":false,"none":null}""", QueryStyle.Form, "?tags=a&tags=b&on=true&off=false")]
    [InlineData("""{"nested":{"x":1}}""", QueryStyle.Form, "?nested=%7B%22x%22%3A1%7D")]
    [InlineData("""{"k":"a,b"}""", QueryStyle.FormUnexploded, "?color=k,a%2Cb")]
    [InlineData("""["a","b",null]""", QueryStyle.Form, "?color=a&color=b")]
    [InlineData("""["a","b"]""", QueryStyle.FormUnexploded, "?color=a,b")]
    [InlineData("""["a","b"]""", QueryStyle.DeepObject, "?color=a&color=b")]
    [InlineData("\"one & two\"", QueryStyle.Form, "?color=one%20%26%20two")]
    [InlineData("12.50", QueryStyle.DeepObject, "?color=12.50")]
    [InlineData("null", QueryStyle.Form, "")]
    [InlineData("{}", QueryStyle.Form, "")]
    [InlineData("""[{"field":"tags","op":"in","value":["IR","CN"]}]""", QueryStyle.JsonText, "?color=%5B%7B%22field%22%3A%22tags%22%2C%22op%22%3A%22in%22%2C%22value%22%3A%5B%22IR%22%2C%22CN%22%5D%7D%5D")]
    [InlineData("""[[1,2],[null]]""", QueryStyle.JsonText, "?color=%5B%5B1%2C2%5D%2C%5Bnull%5D%5D")]
    public void Json_value_is_written_by_its_style(string json, QueryStyle style, string expectedQuery)
    {
        var uri = new RequestBuilder("https://api.example.com").AppendPath("/colors")
            .AppendQueryJson("color", Encoding.UTF8.GetBytes(json), style)
            .ToString();

        Assert.Equal("https://api.example.com/colors" + expectedQuery, uri);
    }

    [Fact]
    public void No_value_appends_nothing_and_later_parameters_still_start_the_query()
    {
        var uri = new RequestBuilder("https://api.example.com")
            .AppendQueryJson("color", null, QueryStyle.Form)
            .AppendQuery("page", 2L)
            .ToString();

        Assert.Equal("https://api.example.com?page=2", uri);
    }
}
