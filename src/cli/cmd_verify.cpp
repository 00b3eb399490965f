// `migmerge verify`: the migrations (or a merge's result, read from git) run
// on scratch databases with the project's own Sequelize, and proven.
#include <CLI/CLI.hpp>
#include <filesystem>

#include "db_options.hpp"
#include "invocation.hpp"
#include "judge.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/core/verify.hpp"
#include "migmerge/db/connection.hpp"
#include "migmerge/sys/temporary_directory.hpp"
#include "verify_command.hpp"
#include "verify_output.hpp"

namespace migmerge::cli {
namespace {

bool with_refs(const VerifyOptions& options) {
    return options.refs.base || options.refs.head;
}

std::vector<core::VerifyCheck> chosen_checks(const VerifyOptions& options, const Project& project) {
    const bool idempotent = options.idempotent || project.settings.idempotent;
    if (options.checks) return core::parse_checks(*options.checks, with_refs(options));
    return core::default_checks(with_refs(options), idempotent);
}

// The merge's folders, written beside the real one (same depth, so a
// migration's require('../models') still finds the project's file).
struct MergeFolders {
    std::vector<std::unique_ptr<sys::TemporaryDirectory>> dirs;
    std::string result, merge_base;
    std::vector<run::DeployedHistory> histories;

    std::string add(const std::string& next_to) {
        dirs.push_back(std::make_unique<sys::TemporaryDirectory>(next_to + ".migmerge-verify-"));
        return dirs.back()->path();
    }
};

MergeFolders merge_folders(const Project& project, const RefOptions& refs) {
    const git::Judgement judgement = judge(project, refs);
    const core::MergeSets& sets = judgement.context.input.sets;
    std::filesystem::path migrations = std::filesystem::path(project.migrations_dir);
    if (!migrations.has_filename()) migrations = migrations.parent_path();  // a trailing '/'
    const std::string next_to = (migrations.parent_path() / "").string();
    MergeFolders folders;
    const auto write = [&](const core::MigrationSet& set) {
        const std::string dir = folders.add(next_to);
        project.repository->export_folder(set, dir);
        return dir;
    };
    folders.result = write(core::merge_after_fix(judgement.context.input, judgement.plan));
    folders.merge_base = write(sets.merge_base);
    const git::MergeContext& context = judgement.context;
    folders.histories.push_back(
        {"base", "deployed from base (" + context.base.spec + ")", write(sets.base)});
    folders.histories.push_back(
        {"head", "deployed from head (" + context.head.spec + ")", write(sets.head)});
    return folders;
}

Project project_for(const GlobalOptions& global, const VerifyOptions& options) {
    if (!with_refs(options)) return open_project(global, options.db.node);
    Project project = open_repository_project(global);
    project.node = std::make_shared<run::NodeSession>(options.db.node, project.dir);
    return project;
}

std::optional<db::ConnectionTarget> scratch_server(const Project& project,
                                                   const std::optional<std::string>& url) {
    if (!url) return std::nullopt;
    db::ConnectionOptions connection;
    connection.project_dir = project.dir;
    connection.url = url;
    db::ConnectionTarget target = db::resolve_connection(connection);
    target.source = "--scratch-url";
    return target;
}

int run_verify(const GlobalOptions& global, const VerifyOptions& options, const Output& output) {
    return verify_project(project_for(global, options), options, output);
}

}  // namespace

int verify_project(const Project& project, const VerifyOptions& options, const Output& output) {
    run::VerifyRequest request;
    request.checks = chosen_checks(options, project);
    request.project = connection_target(project, options.db);
    request.scratch_server = scratch_server(project, options.scratch_url);
    request.node = project.node;
    const db::Environment environment = project.rc ? project.rc->environment : project.environment;
    request.new_node = [node = options.db.node, dir = project.dir, environment] {
        return std::make_shared<run::NodeSession>(node, dir, std::chrono::seconds(60), environment);
    };
    request.version = MIGMERGE_VERSION;
    const auto cross_check = project.environment.find("MIGMERGE_CROSS_CHECK_SNAPSHOTS");
    request.cross_check_snapshots =
        cross_check != project.environment.end() && cross_check->second == "1";
    MergeFolders folders;
    if (with_refs(options)) {
        folders = merge_folders(project, options.refs);
        request.folder = folders.result;
        request.merge_base_folder = folders.merge_base;
        request.histories = folders.histories;
    } else {
        request.folder = project.migrations_dir;
    }
    const run::VerifyReport report = run::verify(request, verify_progress_printer(output));
    print_verify_report(output, report, project.migrations_folder);
    return verify_exit_code(report);
}

void add_verify_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<VerifyOptions>();
    CLI::App* command = app.add_subcommand(
        "verify",
        "Run the migrations on scratch databases and prove they replay, reverse, "
        "survive the merge's deployed orders and (when promised) re-run");
    add_ref_options(*command, options->refs);
    command
        ->add_option("--scratch-url", options->scratch_url,
                     "A server where migmerge may create and drop migmerge_verify_* databases "
                     "(default: an embedded throwaway PostgreSQL)")
        ->type_name("URL");
    command
        ->add_option("--checks", options->checks,
                     "Comma-separated: replay, reversible, order, idempotent "
                     "(default replay,reversible, +order with refs)")
        ->type_name("LIST");
    command->add_flag("--idempotent", options->idempotent,
                      "Also check that every up can run again (also: \"idempotent\": true in "
                      "migmerge.json)");
    command->add_option("--config", options->db.config, "Sequelize config file")->type_name("FILE");
    command->add_option("--env", options->db.env, "Config environment (else NODE_ENV, development)")
        ->type_name("NAME");
    command->add_option("--node", options->db.node, "The node binary (default: node on PATH)")
        ->type_name("PATH");
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        return run_verify(global, *options, output);
    });
}

}  // namespace migmerge::cli
