// `migmerge hook install|uninstall|run`: git hooks that catch conflicts at
// merge, pull and push time.
#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>

#include "hook_output.hpp"
#include "invocation.hpp"
#include "verify_output.hpp"

namespace migmerge::cli {
namespace {

void add_install(CLI::App& hook, Invocation& invocation) {
    auto force = std::make_shared<bool>(false);
    CLI::App* install =
        hook.add_subcommand("install", "Install the git hooks (chains existing ones)");
    install->add_flag("--force", *force, "Replace a stale NAME.migmerge-chained");
    on_chosen(*install, invocation, [force](const GlobalOptions& global, const Output& output) {
        print_hook_changes(output,
                           app::install_repository_hooks(workspace_request(global), *force));
        return 0;
    });
}

void add_uninstall(CLI::App& hook, Invocation& invocation) {
    CLI::App* uninstall =
        hook.add_subcommand("uninstall", "Remove the hooks; restore chained ones");
    on_chosen(*uninstall, invocation, [](const GlobalOptions& global, const Output& output) {
        print_hook_changes(output, app::uninstall_repository_hooks(workspace_request(global)));
        return 0;
    });
}

void add_run(CLI::App& hook, Invocation& invocation) {
    auto request = std::make_shared<app::HookRequest>();
    CLI::App* run = hook.add_subcommand("run", "Run one hook's check (called by the hook scripts)");
    run->add_option("name", request->name, "pre-merge-commit|pre-commit|post-merge|pre-push")
        ->required();
    run->add_option("args", request->args, "What git passed to the hook");
    run->add_option("--base", request->base, "pre-push: the production branch")->type_name("REF");
    on_chosen(*run, invocation, [request](const GlobalOptions& global, const Output& output) {
        if (request->name == "pre-push")
            request->stdin_text.assign(std::istreambuf_iterator<char>(std::cin), {});
        const app::HookReport report =
            app::run_hook(workspace_request(global), *request, verify_progress_printer(output));
        print_hook_report(output, report);
        return hook_exit_code(report);
    });
}

}  // namespace

void add_hook_command(CLI::App& app, Invocation& invocation) {
    CLI::App* hook = app.add_subcommand("hook", "Install, remove or run migmerge's git hooks");
    hook->require_subcommand(1);
    add_install(*hook, invocation);
    add_uninstall(*hook, invocation);
    add_run(*hook, invocation);
}

}  // namespace migmerge::cli
