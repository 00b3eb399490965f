// `migmerge sql`: the SQL the pending migrations (or a merge's new ones)
// would send, caught on a scratch copy; the real database is only read.
#include <CLI/CLI.hpp>

#include "db_options.hpp"
#include "invocation.hpp"
#include "migmerge/app/sql.hpp"
#include "ref_options.hpp"
#include "sql_output.hpp"

namespace migmerge::cli {

void add_sql_command(CLI::App& app, Invocation& invocation) {
    auto options = std::make_shared<WithNode<app::SqlRequest>>();
    CLI::App* command = app.add_subcommand(
        "sql",
        "Show the SQL the pending migrations (with refs: the merge's new ones) would run, "
        "caught on a scratch copy of the database's schema");
    add_ref_options(*command, options->request.refs);
    add_scratch_url_option(*command, options->request.scratch_url);
    add_db_options(*command, options->request.db, options->node);
    on_chosen(*command, invocation, [options](const GlobalOptions& global, const Output& output) {
        const app::SqlResult result =
            app::sql(workspace_request(global, options->node), options->request);
        print_sql_report(output, result.report);
        return sql_exit_code(result.report);
    });
}

}  // namespace migmerge::cli
