using CommunitySafety.Dashboard.Report;
using CommunitySafety.Data.Figures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Tests.Report;

public class ReportPrinterTests
{
    [Fact]
    public async Task Without_Chromium_the_printer_says_what_to_install()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Report:ChromiumPath"] = "/nowhere/chromium" })
            .Build();
        var printer = new ReportPrinter(server: null!, configuration, NullLogger<ReportPrinter>.Instance, cookies: null!, TimeProvider.System);

        var result = await printer.PrintAsync(new FinancialQuarter(2023, 1), CancellationToken.None);

        Assert.Null(result.Pdf);
        Assert.Equal("The server cannot make PDFs because Chromium is not installed: apt-get install chromium", result.Problem);
    }
}
