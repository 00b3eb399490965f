#pragma once
// A finding: one thing wrong (or worth a look) about a set of migrations.
// Codes and severities are docs/DESIGN.md's contract; messages say in plain words
// what goes wrong on which database if nothing is done.
#include <ostream>
#include <string>
#include <vector>

namespace migmerge::core {

enum class FindingCode {
    // git side
    same_timestamp,
    out_of_order,
    modified,
    deleted,
    renamed_unrecorded,
    invalid_name,
    not_a_migration,
    future_timestamp,
    duplicate_description,
    dangling_symlink,        // the work tree only
    order_contradicts_date,  // byte order (sequelize-cli's) runs a name before an older one
    // database side
    orphaned,
    out_of_order_pending,
    modified_after_apply,
    double_applied,
    // verify: what running the migrations on a scratch database showed
    replay_failed,      // an `up` failed on an empty database, in order
    irreversible,       // a `down` threw: the migration cannot be undone (a warning)
    down_incomplete,    // `down` succeeded but left part of `up` behind
    up_not_repeatable,  // `up` after `down` gives another schema than the first `up`
    order_dependent,    // a deployed history ends in another schema than a fresh database
    order_failed,       // a migration fails in one deployed history
    column_order,       // a deployed history differs from a fresh one in column order only
    not_idempotent,     // running an `up` again fails or changes something
};

enum class Severity { warning, error };
enum class Side { base, head, both, none };  // none: database-side findings

std::string to_string(FindingCode code);   // "same-timestamp", ...
std::string to_string(Severity severity);  // "error" | "warning"
std::string to_string(Side side);          // "base" | "head" | "both" | ""

struct Finding {
    FindingCode code;
    Severity severity;
    std::vector<std::string> files;  // basenames, in the order the message names them
    Side side = Side::none;
    std::string message;
    bool fixable = false;  // `migmerge fix` (or `repair`) resolves it
    std::string advice;    // what a person should do when it is not fixable
    // Files it concerns beyond those `files` names: a list that would grow
    // with the other side (every deployed file a new one sorts before) is
    // bounded, so a report grows with its findings, not their product.
    std::size_t unnamed = 0;

    std::size_t file_count() const { return files.size() + unnamed; }

    friend bool operator==(const Finding& a, const Finding& b) {
        return a.code == b.code && a.severity == b.severity && a.files == b.files &&
               a.side == b.side && a.message == b.message && a.fixable == b.fixable &&
               a.advice == b.advice && a.unnamed == b.unnamed;
    }
};

// A finding with no message yet (callers fill message, fixable and advice).
Finding make_finding(FindingCode code, Severity severity, std::vector<std::string> files,
                     Side side = Side::none);

// What a finding says: what goes wrong, and what a person should do.
struct Words {
    std::string message;
    std::string advice;
};
// A finding with its words (callers set fixable).
Finding make_finding(FindingCode code, Severity severity, std::vector<std::string> files,
                     Words words, Side side = Side::none);

bool has_errors(const std::vector<Finding>& findings);

// The stable order of a findings list: errors first, then code, then files.
bool comes_before(const Finding& a, const Finding& b);
// Sorts into that order and drops exact duplicates.
void sort_findings(std::vector<Finding>& findings);

std::ostream& operator<<(std::ostream& out, FindingCode code);
std::ostream& operator<<(std::ostream& out, Severity severity);
std::ostream& operator<<(std::ostream& out, Side side);
std::ostream& operator<<(std::ostream& out, const Finding& finding);

}  // namespace migmerge::core
