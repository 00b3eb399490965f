// repair: SequelizeMeta rows rewritten per the ledger, in one transaction,
// under the lock (a dry run only reads and takes no lock).
#include "migmerge/run/repair.hpp"
#include "migmerge/db/meta_store.hpp"
#include "migmerge/run/local_folder.hpp"
#include "migmerge/sys/in_parallel.hpp"

namespace migmerge::run {

db::RepairReport repair(const RunContext& context, bool prune_orphans) {
    std::optional<db::AdvisoryLock> lock;
    // Listing 100,000 files overlaps taking the lock and connecting.
    auto [folder, store] = sys::in_parallel(
        [&] { return read_local_folder(context.migrations_dir, FolderContents::names_only); },
        [&] {
            if (!context.dry_run) lock.emplace(context.target, context.lock_timeout);
            return db::MetaStore(context.target);
        });
    core::Ledger ledger = core::Ledger::parse(folder.ledger_text, context.ledger_name());
    std::vector<std::string> files;
    files.reserve(folder.migrations.size());
    for (auto& migration : folder.migrations) files.push_back(std::move(migration.name));
    return store.repair(ledger, std::move(files), prune_orphans, context.dry_run, context.version);
}

}  // namespace migmerge::run
