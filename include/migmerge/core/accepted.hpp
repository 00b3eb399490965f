#pragma once
// Accepted changes: problems a project has looked at and decided to live with
// (a reformat of a deployed migration, the deletion of archived ones, a
// legacy name), kept beside the migrations in `.migmerge-accepted` and merged
// like the ledger, with git's union driver. One per line, tab-separated:
//
//   CODE<TAB>FILE<TAB>REASON             deleted, invalid-name, not-a-migration,
//                                        same-timestamp, future-timestamp,
//                                        duplicate-description
//   modified<TAB>FILE<TAB>REASON<TAB>ID  ID: the accepted version's git blob id
//                                        (`git hash-object FILE`, 7 to 40 hex digits)
//
// A finding is accepted when every file it names has an entry of its code;
// an accepted edit is that version only, so a later edit is a finding again.
// out-of-order and renamed-unrecorded are never accepted: `fix` resolves them.
#include <optional>
#include <string>
#include <vector>

#include "migmerge/core/finding.hpp"

namespace migmerge::core {

inline constexpr const char* accepted_file_name = ".migmerge-accepted";
inline constexpr const char* accepted_attributes_line = ".migmerge-accepted merge=union";

// The code a line or `migmerge accept` names, when it is one that can be accepted.
std::optional<FindingCode> acceptable_code(const std::string& text);
// "modified, deleted, ...": the codes that can be, for messages.
std::string acceptable_codes_text();

struct AcceptedChange {
    FindingCode code;
    std::string file;
    std::string reason;
    std::string version;  // `modified` only: a blob id, or a prefix of one (lower-case hex)
};

class AcceptedChanges {
  public:
    AcceptedChanges() = default;
    // Error(bad_input) naming `source` and the 1-based line of the first
    // malformed line: a code that cannot be accepted, an empty file or
    // reason, a `modified` line without a blob id.
    static AcceptedChanges parse(const std::string& text, const std::string& source);
    static AcceptedChanges merge(const std::vector<AcceptedChanges>& lists);
    // The line for `change` ("code\tfile\treason[\tversion]\n"), checked as
    // parse() would check it: Error(bad_input) when parse() would refuse it.
    static std::string format(const AcceptedChange& change);

    const std::vector<AcceptedChange>& entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }

    // Whether an entry accepts `code` for `file`; for `modified`, every one
    // of `versions` (the changed versions' blob ids) must be the accepted one.
    bool accepts(FindingCode code, const std::string& file,
                 const std::vector<std::string>& versions = {}) const;
    // Whether every file of the finding is accepted for its code.
    bool accepts(const Finding& finding, const std::vector<std::string>& versions = {}) const;

  private:
    std::vector<AcceptedChange> entries_;
};

}  // namespace migmerge::core
