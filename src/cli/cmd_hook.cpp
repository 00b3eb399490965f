// `migmerge hook install|uninstall|run`: git hooks that catch conflicts at
// merge, pull and push time.
#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "findings_output.hpp"
#include "hook_install.hpp"
#include "hook_run.hpp"
#include "invocation.hpp"
#include "project.hpp"

namespace migmerge::cli {
namespace {

void print_changes(const Output& output, const std::string& dir,
                   const std::vector<HookChange>& changes) {
    if (output.format == Format::json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& change : changes)
            list.push_back({{"hook", change.hook}, {"action", change.action}});
        print_json(output, {{"command", "hook"}, {"hooksDir", dir}, {"hooks", list}});
        return;
    }
    for (const auto& change : changes)
        output.out << change.action << " " << dir << "/" << change.hook << "\n";
    if (changes.empty()) output.out << "No migmerge hooks in " << dir << "\n";
}

std::string hooks_dir(const GlobalOptions& global) {
    return open_repository_project(global).repository->hooks_dir();
}

void add_install(CLI::App& hook, Invocation& invocation) {
    auto force = std::make_shared<bool>(false);
    CLI::App* install =
        hook.add_subcommand("install", "Install the git hooks (chains existing ones)");
    install->add_flag("--force", *force, "Replace a stale NAME.migmerge-chained");
    on_chosen(*install, invocation, [force](const GlobalOptions& global, const Output& output) {
        std::string dir = hooks_dir(global);
        print_changes(output, dir, install_hooks(dir, *force));
        return 0;
    });
}

void add_uninstall(CLI::App& hook, Invocation& invocation) {
    CLI::App* uninstall =
        hook.add_subcommand("uninstall", "Remove the hooks; restore chained ones");
    on_chosen(*uninstall, invocation, [](const GlobalOptions& global, const Output& output) {
        std::string dir = hooks_dir(global);
        print_changes(output, dir, uninstall_hooks(dir));
        return 0;
    });
}

void add_run(CLI::App& hook, Invocation& invocation) {
    auto options = std::make_shared<HookRunOptions>();
    CLI::App* run = hook.add_subcommand("run", "Run one hook's check (called by the hook scripts)");
    run->add_option("name", options->name, "pre-merge-commit|pre-commit|post-merge|pre-push")
        ->required();
    run->add_option("args", options->args, "What git passed to the hook");
    run->add_option("--base", options->base, "pre-push: the production branch")->type_name("REF");
    on_chosen(*run, invocation, [options](const GlobalOptions& global, const Output& output) {
        if (options->name == "pre-push")
            options->stdin_text.assign(std::istreambuf_iterator<char>(std::cin), {});
        return run_hook(global, *options, output);
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
