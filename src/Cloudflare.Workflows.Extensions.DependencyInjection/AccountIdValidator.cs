using Cloudflare.OpenApi.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cloudflare.Workflows.Extensions.DependencyInjection;

/// <summary>Every Workflows call is under <c>/accounts/{account_id}</c>: without an account id none can be made.</summary>
internal sealed class AccountIdValidator : IValidateOptions<WorkflowsClientOptions>
{
    private readonly string _keyPrefix;

    public AccountIdValidator(string keyPrefix)
    {
        _keyPrefix = keyPrefix;
    }

    public ValidateOptionsResult Validate(string? name, WorkflowsClientOptions options) =>
        string.IsNullOrWhiteSpace(options.AccountId)
            ? ValidateOptionsResult.Fail($"{_keyPrefix}AccountId (or the {CloudflareClientConfiguration.AccountIdVariable} environment variable) is not set: every Workflows call needs the account id.")
            : ValidateOptionsResult.Success;
}
