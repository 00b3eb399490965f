#pragma once
// Files against SequelizeMeta: the state of every migration and the
// database-side findings. Pure; the cli feeds it what git/db/run read.
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "migmerge/core/finding.hpp"
#include "migmerge/core/ledger.hpp"

namespace migmerge::core {

enum class MigrationState {
    applied,
    pending,
    orphaned,              // a row with no file
    renamed,               // a row equal to a ledger `from` whose final `to` is a file
    out_of_order,          // pending, but sorting before the last applied (or renamed-to) name
    modified_after_apply,  // applied, and the file changed since (checksum differs)
    double_applied,        // rows under both an old and a new name of one migration
};

std::string to_string(MigrationState state);  // "applied", "out-of-order", ...

struct MigrationStatus {
    std::string name;
    MigrationState state;

    friend bool operator==(const MigrationStatus& a, const MigrationStatus& b) {
        return a.name == b.name && a.state == b.state;
    }
};

struct StatusInput {
    std::map<std::string, std::string> files;     // name sequelize would run -> checksum
    std::vector<std::string> rows;                // SequelizeMeta names
    std::map<std::string, std::string> recorded;  // name -> checksum recorded at apply
    Ledger ledger;
};

struct StatusReport {
    std::vector<MigrationStatus> migrations;  // byte order of names
    std::vector<Finding> findings;

    friend bool operator==(const StatusReport& a, const StatusReport& b) {
        return a.migrations == b.migrations && a.findings == b.findings;
    }
};

StatusReport compute_status(const StatusInput& input);

std::ostream& operator<<(std::ostream& out, MigrationState state);
std::ostream& operator<<(std::ostream& out, const MigrationStatus& status);
std::ostream& operator<<(std::ostream& out, const StatusReport& report);

}  // namespace migmerge::core
