#include "merge_inputs.hpp"

#include <CLI/CLI.hpp>

#include "migmerge/core/error.hpp"

namespace migmerge::cli {
namespace {

struct Sides {
    git::ResolvedRef base;
    git::ResolvedRef head;
    Judged judged;
};

// With no ref given: a merge in progress, else a merge commit at HEAD.
std::optional<Sides> implicit_sides(const git::Repository& repo) {
    if (auto merge_head = repo.merge_head()) {
        return Sides{repo.resolve("HEAD"), *merge_head, Judged::index};
    }
    if (repo.head_is_merge_commit()) {
        Judged judged = repo.is_bare() ? Judged::head_tree : Judged::index;
        return Sides{repo.resolve("HEAD^1"), repo.resolve("HEAD^2"), judged};
    }
    return std::nullopt;
}

Sides choose_sides(const Project& project, const RefOptions& options) {
    const git::Repository& repo = *project.repository;
    if (!options.base && !options.head) {
        if (auto sides = implicit_sides(repo)) return *sides;
    }
    std::optional<std::string> base = options.base ? options.base : project.settings.base;
    if (!base) {
        throw bad_input("no base ref", "nothing to compare HEAD with",
                        "pass --base REF (for example --base origin/production) or set \"base\" "
                        "in migmerge.json");
    }
    return Sides{repo.resolve(*base), repo.resolve(options.head.value_or("HEAD")),
                 Judged::union_of_sides};
}

// The merge of two sides that git has not made yet: every file of both.
core::MigrationSet union_of(const core::MigrationSet& base, const core::MigrationSet& head) {
    core::MigrationSet result = head;
    for (const auto& [name, id] : base.files) result.files.emplace(name, id);
    result.folder_exists = base.folder_exists || head.folder_exists;
    return result;
}

core::Ledger ledger_of(const core::MigrationSet& set, const std::string& where) {
    return core::Ledger::parse(set.ledger_text, where);
}

void read_sets(const Project& project, MergeContext& context) {
    const git::Repository& repo = *project.repository;
    core::MergeSets& sets = context.input.sets;
    const std::string& folder = context.folder;
    sets.merge_base = repo.read_commit(context.merge_base, folder);
    sets.base = repo.read_commit(context.base.commit, folder);
    sets.head = context.head_from_index ? repo.read_index(folder)
                                        : repo.read_commit(context.head.commit, folder);
    switch (context.judged) {
        case Judged::union_of_sides:
            sets.result = union_of(sets.base, sets.head);
            break;
        case Judged::index:
            sets.result = repo.read_index(folder);
            break;
        case Judged::head_tree:
            sets.result = repo.read_commit(repo.resolve("HEAD").commit, folder);
    }
}

void require_folder(const MergeContext& context) {
    const core::MergeSets& sets = context.input.sets;
    if (sets.base.folder_exists || sets.head.folder_exists || sets.result.folder_exists) return;
    throw bad_input("no migrations folder", "'" + context.folder + "' exists on neither side",
                    "pass --migrations-path PATH or set \"migrationsPath\" in migmerge.json");
}

core::Ledger merged_ledger(const MergeContext& context) {
    const core::MergeSets& sets = context.input.sets;
    std::string file = context.folder + "/" + core::ledger_file_name;
    return core::Ledger::merge({ledger_of(sets.base, context.base.spec + ":" + file),
                                ledger_of(sets.head, context.head.spec + ":" + file),
                                ledger_of(sets.result, to_string(context.judged) + ":" + file)});
}

}  // namespace

std::string to_string(Judged judged) {
    switch (judged) {
        case Judged::union_of_sides:
            return "union";
        case Judged::index:
            return "index";
        case Judged::head_tree:
            return "HEAD";
    }
    return "";
}

void add_ref_options(CLI::App& command, RefOptions& options) {
    command.add_option("--base", options.base, "The deployed side (default: per docs/DESIGN.md)")
        ->type_name("REF");
    command.add_option("--head", options.head, "The side being merged in (default: HEAD)")
        ->type_name("REF");
    command.add_option("--rename-side", options.rename_side, "Which side's new files move")
        ->transform(CLI::CheckedTransformer(std::map<std::string, core::RenameSide>{
            {"head", core::RenameSide::head}, {"base", core::RenameSide::base}}))
        ->type_name("head|base");
}

MergeContext read_merge(const Project& project, const RefOptions& options,
                        const core::Timestamp& now) {
    const git::Repository& repo = *project.repository;
    Sides sides = choose_sides(project, options);
    MergeContext context;
    context.base = sides.base;
    context.head = sides.head;
    context.judged = sides.judged;
    context.folder = project.migrations_folder;
    context.merge_base = repo.merge_base(sides.base.commit, sides.head.commit);
    context.head_from_index = sides.judged == Judged::union_of_sides && !repo.is_bare() &&
                              sides.head.commit == repo.resolve("HEAD").commit &&
                              options.head.value_or("HEAD") == "HEAD";
    read_sets(project, context);
    require_folder(context);
    context.input.ledger = merged_ledger(context);
    context.input.now = now;
    context.input.rename_side = options.rename_side;
    return context;
}

}  // namespace migmerge::cli
