#pragma once
// The ledger entries every command refuses (docs/DESIGN.md, "The rename
// ledger"), before anything runs or is written: those that would make
// `repair` and `migrate` run a migration's body twice, or that leave it
// unclear which name a migration has now.
#include <optional>
#include <string>
#include <vector>

#include "migmerge/core/ledger.hpp"
#include "migmerge/core/migration_set.hpp"

namespace migmerge::core {

struct UnsafeEntry {
    std::size_t index;   // into Ledger::entries()
    std::string reason;  // in words, one sentence
};

// The first unsafe entry in ledger order. `migrations` are the names
// sequelize-cli would run in the folder the ledger lives in. An entry
// `from -> to` is unsafe when:
//  - `from` is still a migration file there (and no later entry renames
//    another name onto `from`): repair would move the row of a database that
//    ran it to `to`, and migrate would run `from` again; when `to` is a file
//    too, that other migration would never run;
//  - an earlier entry renamed `from` to another name (with nothing renamed
//    onto `from` in between) and the two chains end at different names;
//  - it closes a cycle: a->b, b->a, or a->b, b->c, c->a.
std::optional<UnsafeEntry> find_unsafe_entry(const Ledger& ledger,
                                             const std::vector<std::string>& migrations);

// Ledger::parse, then find_unsafe_entry. Error(bad_input) for a malformed
// line, and for an unsafe entry one line naming `source`, the line and the
// entry.
Ledger read_ledger(const std::string& text, const std::string& source,
                   const std::vector<std::string>& migrations);
// The same for a set's own ledger, against the set's migration files.
Ledger read_ledger(const MigrationSet& set, const std::string& source);

}  // namespace migmerge::core
