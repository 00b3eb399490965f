#pragma once
// The contents of one migrations folder at one place (a commit, the index, the
// work tree): every regular file directly inside it, by basename, with a
// content id. Content ids are git blob ids (hex) wherever the set came from,
// so sets from different places compare by content.
#include <map>
#include <optional>
#include <ostream>
#include <string>

namespace migmerge::core {

// The rename ledger's file name inside the migrations folder.
inline constexpr const char* ledger_file_name = ".migmerge-renames";
// The per-folder attributes file that makes the ledger merge with git's union driver.
inline constexpr const char* attributes_file_name = ".gitattributes";
inline constexpr const char* ledger_attributes_line = ".migmerge-renames merge=union";

struct MigrationSet {
    std::map<std::string, std::string> files;  // basename -> content id (ledger excluded)
    std::string ledger_text;                   // the ledger file's text; empty if absent
    std::string accepted_text;                 // .migmerge-accepted's text; empty if absent
    bool folder_exists = true;                 // false: no migrations folder at that place
    // The work tree's symbolic links whose target is missing (name -> target);
    // not in `files`. Always empty for a commit or the index.
    std::map<std::string, std::string> dangling_links;

    static MigrationSet absent();  // no migrations folder at that place

    bool contains(const std::string& name) const { return files.count(name) != 0; }
    // Where the text of a file migmerge keeps beside the migrations (the
    // ledger, the accepted changes) goes; null for any other name, which is
    // one of `files`.
    std::string* text_slot(const std::string& name);
    std::optional<std::string> content_of(const std::string& name) const;

    friend bool operator==(const MigrationSet& a, const MigrationSet& b) {
        return a.files == b.files && a.ledger_text == b.ledger_text &&
               a.accepted_text == b.accepted_text && a.folder_exists == b.folder_exists &&
               a.dangling_links == b.dangling_links;
    }
};

std::ostream& operator<<(std::ostream& out, const MigrationSet& set);

}  // namespace migmerge::core
