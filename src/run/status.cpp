// status: the folder against SequelizeMeta. Reading and hashing the files
// overlaps connecting and reading the table: a connection mostly waits.
#include "migmerge/run/status.hpp"
#include "migmerge/core/analysis.hpp"
#include "migmerge/core/migration_name.hpp"
#include "migmerge/core/selection.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/local_folder.hpp"
#include "migmerge/sys/clock.hpp"
#include "migmerge/sys/in_parallel.hpp"

namespace migmerge::run {
namespace {

struct Files {
    core::MigrationSet set;
    std::map<std::string, std::string> checksums;
};

// A committed folder has no sha256 at hand: its checksums stay unknown, so
// modified-after-apply is judged only against the work tree.
Files files_of(const RunContext& context, const std::optional<core::MigrationSet>& at_ref) {
    Files files;
    if (at_ref) {
        files.set = *at_ref;
        for (const auto& [name, id] : files.set.files) {
            if (core::sequelize_would_run(name)) files.checksums[name] = "";
        }
        return files;
    }
    LocalFolder folder = read_local_folder(context.migrations_dir);
    files.checksums = core::migration_checksums(folder);
    files.set = core::to_migration_set(folder);
    return files;
}

}  // namespace

core::StatusReport status(const RunContext& context,
                          const std::optional<core::MigrationSet>& files_at_ref) {
    auto [files, snapshot] =
        sys::in_parallel([&] { return files_of(context, files_at_ref); },
                         [&] { return db::MetaStore(context.target).snapshot(); });
    core::StatusInput input;
    input.files = std::move(files.checksums);
    input.ledger = core::Ledger::parse(files.set.ledger_text, context.ledger_name());
    input.rows = std::move(snapshot.names);
    for (const auto& [name, record] : snapshot.records) input.recorded[name] = record.checksum;
    core::StatusReport report = core::compute_status(input);
    // Judged as `migrate` judges them: a finding about applied files is a note.
    for (auto& finding : core::run_blockers(
             core::folder_problems(files.set, sys::utc_now(), context.accepted_name()), input.rows))
        report.findings.push_back(finding);
    return report;
}

}  // namespace migmerge::run
